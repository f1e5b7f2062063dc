package bedside.candidates.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The seeded chart, identical in both candidates: six fictitious UK patients (NHS numbers in the 999 test range,
 * telephone numbers in Ofcom's drama ranges). Results are dated relative to the record's clock so they look
 * recent.
 */
final class Seed {
    /** The clinician who recorded the seeded entries (not a login account). */
    static final String RECORDER = "dr.mensah";

    private Seed() {}

    static void populate(ClinicalRecord r) {
        LocalDate today = r.today();
        Instant longAgo = Instant.parse("2024-06-03T10:15:00Z");

        Patient okafor = r.registerPatient("9995260182", "Margaret", "Okafor", Sex.FEMALE, LocalDate.of(1948, 3, 12),
                new Address("14 Larch Avenue", "Leeds", "LS6 2QT"), "0113 496 0123");
        r.seedNominatedPharmacy(okafor.id(), "FAB12");
        r.seedProblem(okafor.id(), "Essential hypertension", LocalDate.of(2009, 5, 1), longAgo);
        r.seedProblem(okafor.id(), "Type 2 diabetes mellitus", LocalDate.of(2015, 10, 1), longAgo);
        r.seedMedication(okafor.id(), "Amlodipine 5 mg tablets", "once daily", "oral", longAgo);
        r.seedMedication(okafor.id(), "Metformin 500 mg tablets", "twice daily", "oral", longAgo);
        r.seedAllergy(okafor.id(), "Latex", "Urticaria", ReactionSeverity.MILD, longAgo);
        Instant okaforBloods = at(today.minusDays(15), 9, 40);
        LabResult hba1c = r.seedResult(okafor.id(), "HbA1c", "58", "mmol/mol", "20\u201341", "H", okaforBloods);
        LabResult egfr = r.seedResult(okafor.id(), "eGFR", "52", "mL/min/1.73m2", ">60", "L", okaforBloods);
        r.seedResult(okafor.id(), "Sodium", "139", "mmol/L", "133\u2013146", "N", okaforBloods);
        r.acknowledgeSeeded(hba1c.id(), RECORDER, at(today.minusDays(14), 11, 5));
        r.acknowledgeSeeded(egfr.id(), RECORDER, at(today.minusDays(14), 11, 6));
        String discharge = "Discharge summary, Leeds General Infirmary, "
                + today.minusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH));
        r.seedIncoming(okafor.id(), discharge, "Amlodipine 5 mg tablets", "once daily", "oral", "unchanged", null);
        r.seedIncoming(okafor.id(), discharge, "Metformin 1 g tablets", "twice daily", "oral", "changed",
                "Dose increased from 500 mg twice daily (HbA1c 58 mmol/mol)");
        r.seedIncoming(okafor.id(), discharge, "Atorvastatin 20 mg tablets", "at night", "oral", "new",
                "Started for cardiovascular risk reduction");
        r.seedIncoming(okafor.id(), discharge, "Lansoprazole 30 mg capsules", "once daily", "oral", "new",
                "Started in hospital for gastric protection; review at 4 weeks");

        Patient oakley = r.registerPatient("9991590838", "Margaret", "Oakley", Sex.FEMALE, LocalDate.of(1951, 9, 4),
                new Address("3 Mill Lane", "Sheffield", "S10 2HJ"), "0114 496 0456");
        r.seedNominatedPharmacy(oakley.id(), "FCD34");
        r.seedProblem(oakley.id(), "Osteoarthritis of knee", LocalDate.of(2018, 2, 1), longAgo);
        r.seedMedication(oakley.id(), "Paracetamol 1 g", "four times daily", "oral", longAgo);

        Patient hughes = r.registerPatient("9990166137", "David", "Hughes", Sex.MALE, LocalDate.of(1975, 7, 30),
                new Address("27 Heol y Coed", "Cardiff", "CF14 6HF"), "029 2018 0457");
        r.seedNominatedPharmacy(hughes.id(), "FEF56");
        r.seedProblem(hughes.id(), "Asthma", LocalDate.of(1990, 1, 1), longAgo);
        r.seedMedication(hughes.id(), "Salbutamol 100 micrograms inhaler", "as required", "inhaled", longAgo);
        r.seedAllergy(hughes.id(), "Aspirin", "Bronchospasm", ReactionSeverity.SEVERE, longAgo);

        Patient sharma = r.registerPatient("9991860916", "Priya", "Sharma", Sex.FEMALE, LocalDate.of(1990, 11, 2),
                new Address("Flat 5, 88 Brook Street", "Leicester", "LE1 7AB"), "07700 900123");
        r.seedNominatedPharmacy(sharma.id(), "FGH78");
        r.seedProblem(sharma.id(), "Atrial fibrillation", LocalDate.of(2023, 8, 1), longAgo);
        r.seedMedication(sharma.id(), "Warfarin 3 mg tablets", "once daily", "oral", longAgo);

        Patient byrne = r.registerPatient("9993909963", "Thomas", "Byrne", Sex.MALE, LocalDate.of(1962, 1, 19),
                new Address("9 Fairfield Road", "Manchester", "M14 5RT"), "0161 496 0789");
        r.seedNominatedPharmacy(byrne.id(), "FJK90");
        r.seedProblem(byrne.id(), "Chronic kidney disease stage 3", LocalDate.of(2020, 4, 1), longAgo);
        r.seedMedication(byrne.id(), "Ramipril 5 mg capsules", "once daily", "oral", longAgo);
        Instant byrneBloods = at(today.minusDays(1), 8, 55);
        r.seedResult(byrne.id(), "Potassium", "6.1", "mmol/L", "3.5\u20135.3", "H", byrneBloods);
        r.seedResult(byrne.id(), "Creatinine", "168", "umol/L", "59\u2013104", "H", byrneBloods);

        Patient begum = r.registerPatient("9990308241", "Aisha", "Begum", Sex.FEMALE, LocalDate.of(2001, 5, 25),
                new Address("41 Cedar Grove", "Birmingham", "B12 9QP"), "07700 900456");
        r.seedNominatedPharmacy(begum.id(), "FLM21");
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
    }
}
