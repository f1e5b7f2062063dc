package bedside.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bedside.candidates.domain.ClinicalRecord;
import bedside.candidates.domain.Formulary;
import bedside.candidates.domain.NhsNumber;
import bedside.candidates.domain.Patient;
import bedside.candidates.domain.ReactionSeverity;
import bedside.candidates.domain.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainTest {
    private final ClinicalRecord record = new ClinicalRecord();

    @Test
    void seededPatientsAreTheSixFromTheBriefWithValidNhsNumbers() {
        assertThat(record.patients()).extracting(Patient::fullName, Patient::nhsNumber).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Margaret Okafor", "9995260182"),
                org.assertj.core.groups.Tuple.tuple("Margaret Oakley", "9991590838"),
                org.assertj.core.groups.Tuple.tuple("David Hughes", "9990166137"),
                org.assertj.core.groups.Tuple.tuple("Priya Sharma", "9991860916"),
                org.assertj.core.groups.Tuple.tuple("Thomas Byrne", "9993909963"),
                org.assertj.core.groups.Tuple.tuple("Aisha Begum", "9990308241"));
        assertThat(record.patients()).allSatisfy(p -> assertThat(NhsNumber.isValid(p.nhsNumber())).isTrue());
        assertThat(NhsNumber.isValid("9996281949")).isTrue();
        assertThat(NhsNumber.isValid("9995260183")).isFalse();
        assertThat(NhsNumber.format("9995260182")).isEqualTo("999 526 0182");
    }

    @Test
    void seededClinicalContent() {
        Patient okafor = record.patientByNhsNumber("999 526 0182").orElseThrow();
        assertThat(okafor.birthDate()).isEqualTo(LocalDate.of(1948, 3, 12));
        assertThat(okafor.sex()).isEqualTo(Sex.FEMALE);
        assertThat(record.allergies(okafor.id())).singleElement().satisfies(a -> {
            assertThat(a.substance()).isEqualTo("Latex");
            assertThat(a.reaction()).isEqualTo("Urticaria");
            assertThat(a.severity()).isEqualTo(ReactionSeverity.MILD);
        });
        assertThat(record.problems(okafor.id())).extracting(p -> p.description())
                .containsExactly("Essential hypertension", "Type 2 diabetes mellitus");
        assertThat(record.medications(okafor.id())).extracting(m -> m.medication())
                .containsExactly("Amlodipine 5 mg tablets", "Metformin 500 mg tablets");
        assertThat(record.results(okafor.id())).extracting(r -> r.test(), r -> r.interpretation())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HbA1c", "H"),
                        org.assertj.core.groups.Tuple.tuple("eGFR", "L"),
                        org.assertj.core.groups.Tuple.tuple("Sodium", "N"));
        Patient byrne = record.patientByNhsNumber("9993909963").orElseThrow();
        assertThat(record.unacknowledgedAbnormalResults(byrne.id())).extracting(r -> r.test())
                .contains("Potassium");
        Patient begum = record.patientByNhsNumber("9990308241").orElseThrow();
        assertThat(record.allergies(begum.id())).isEmpty();
        assertThat(record.medications(begum.id())).isEmpty();
        assertThat(record.problems(begum.id())).isEmpty();
    }

    @Test
    void searchBySurnameFullNameAndNhsNumber() {
        assertThat(names(record.search("okafor"))).containsExactly("Margaret Okafor");
        assertThat(names(record.search("OKAFOR"))).containsExactly("Margaret Okafor");
        assertThat(names(record.search("Margaret Okafor"))).containsExactly("Margaret Okafor");
        assertThat(names(record.search("Okafor, Margaret"))).containsExactly("Margaret Okafor");
        assertThat(names(record.search("margaret"))).containsExactly("Margaret Oakley", "Margaret Okafor");
        assertThat(names(record.search("9995260182"))).containsExactly("Margaret Okafor");
        assertThat(names(record.search("999 526 0182"))).containsExactly("Margaret Okafor");
        assertThat(record.search("")).isEmpty();
        assertThat(record.search("zzz")).isEmpty();
        assertThat(names(record.search("Okafor", "", ""))).containsExactly("Margaret Okafor");
        assertThat(names(record.search("", "Margaret", ""))).hasSize(2);
        assertThat(names(record.search("", "", "999 159 0838"))).containsExactly("Margaret Oakley");
        assertThat(record.search("", "", "")).isEmpty();
    }

    @Test
    void resetReturnsToTheSeedIncludingIds() {
        Patient okafor = record.patientByNhsNumber("9995260182").orElseThrow();
        String firstId = record.allergies(okafor.id()).get(0).id();
        record.addAllergy(okafor.id(), "penicillin", "Rash", ReactionSeverity.MODERATE, null, null, "dr.evans");
        assertThat(record.allergies(okafor.id())).extracting(a -> a.substance()).containsExactly("Latex", "Penicillin");
        record.reset();
        assertThat(record.allergies(okafor.id())).extracting(a -> a.id()).containsExactly(firstId);
    }

    @Test
    void vocabularyNormalisation() {
        assertThat(Formulary.normaliseAllergen("PENICILLIN")).isEqualTo("Penicillin");
        assertThat(Formulary.normaliseAllergen("  penicillin ")).isEqualTo("Penicillin");
        assertThat(Formulary.normaliseAllergen("kiwi fruit")).isEqualTo("Kiwi fruit");
        assertThat(Formulary.normaliseAllergen("  ")).isNull();
        assertThat(Formulary.normaliseReaction("NAUSEA_AND_VOMITING")).isEqualTo("Nausea and vomiting");
        assertThat(Formulary.normaliseReaction("rash")).isEqualTo("Rash");
        assertThat(Formulary.normaliseReaction("sneezing")).isNull();
        assertThat(Formulary.ALLERGENS).contains("Penicillin").isSorted();
    }

    @Test
    void registeringADuplicateOrInvalidNhsNumberFails() {
        assertThatThrownBy(() -> record.registerPatient("9995260182", "A", "B", Sex.MALE, LocalDate.of(2000, 1, 1),
                null, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> record.registerPatient("9995260183", "A", "B", Sex.MALE, LocalDate.of(2000, 1, 1),
                null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allergyAndInteractionChecks() {
        Patient okafor = record.patientByNhsNumber("9995260182").orElseThrow();
        assertThat(record.checkPrescription(okafor.id(), "Amoxicillin 500 mg capsules")).isEmpty();
        record.addAllergy(okafor.id(), "Penicillin", "Rash", ReactionSeverity.MODERATE, null, null, "dr.evans");
        for (String med : List.of("Amoxicillin 500 mg capsules", "Co-amoxiclav 500 mg/125 mg tablets",
                "Flucloxacillin 500 mg capsules", "Phenoxymethylpenicillin 250 mg tablets")) {
            assertThat(record.checkPrescription(okafor.id(), med)).as(med).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo("drug-allergy"));
        }
        assertThat(record.checkPrescription(okafor.id(), "Doxycycline 100 mg capsules")).isEmpty();
        Patient hughes = record.patientByNhsNumber("9990166137").orElseThrow();
        assertThat(record.checkPrescription(hughes.id(), "Ibuprofen 400 mg tablets")).extracting(f -> f.kind())
                .containsExactly("drug-allergy");
        Patient sharma = record.patientByNhsNumber("9991860916").orElseThrow();
        assertThat(record.checkPrescription(sharma.id(), "Clarithromycin 500 mg tablets")).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("drug-drug");
                    assertThat(f.implicated()).containsExactly("Clarithromycin", "Warfarin");
                });
        assertThat(record.checkPrescription(sharma.id(), "Aspirin 75 mg dispersible tablets")).hasSize(1);
        assertThat(record.checkPrescription(sharma.id(), "Paracetamol 500 mg tablets")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> record.prescribe(sharma.id(),
                "Clarithromycin 500 mg tablets", "500 mg", "Oral", "Twice daily", 5, "dr.evans", null, " "))
                .isInstanceOf(ClinicalRecord.WarningsNotOverridden.class);
    }

    @Test
    void hyperkalaemiaAlertUntilAcknowledged() {
        Patient byrne = record.patientByNhsNumber("9993909963").orElseThrow();
        assertThat(record.pendingAlerts(byrne.id())).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("6.1", "ramipril"));
        String code = record.pendingAlerts(byrne.id()).get(0).code();
        record.acknowledgeAlert(byrne.id(), code, "dr.evans", null);
        assertThat(record.pendingAlerts(byrne.id())).isEmpty();
        record.patients().stream().filter(p -> !p.id().equals(byrne.id()))
                .forEach(p -> assertThat(record.pendingAlerts(p.id())).isEmpty());
        record.reset();
        assertThat(record.pendingAlerts(byrne.id())).hasSize(1);
    }

    private static List<String> names(List<Patient> ps) {
        return ps.stream().map(Patient::fullName).toList();
    }
}
