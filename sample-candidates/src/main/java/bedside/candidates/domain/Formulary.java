package bedside.candidates.domain;

import java.util.List;
import java.util.Locale;

/** Coded vocabularies shared by both candidates: allergens, reactions. */
public final class Formulary {
    private Formulary() {}

    /** Allergens (drugs and a few common non-drug substances), in their coded display text. */
    public static final List<String> ALLERGENS = List.of(
            "Aciclovir", "Allopurinol", "Amiodarone", "Amlodipine", "Amoxicillin", "Aspirin", "Atorvastatin",
            "Azithromycin", "Bendroflumethiazide", "Benzylpenicillin", "Bisoprolol", "Captopril", "Carbamazepine",
            "Cefalexin", "Ceftriaxone", "Chlorhexidine", "Ciprofloxacin", "Clarithromycin", "Clindamycin",
            "Co-amoxiclav", "Co-trimoxazole", "Codeine", "Diclofenac", "Doxycycline", "Enalapril", "Erythromycin",
            "Flucloxacillin", "Fluconazole", "Furosemide", "Gabapentin", "Gentamicin", "Heparin", "Ibuprofen",
            "Iodine contrast media", "Lamotrigine", "Latex", "Levofloxacin", "Lisinopril", "Losartan", "Metformin",
            "Methotrexate", "Metronidazole", "Morphine", "Naproxen", "Nitrofurantoin", "Omeprazole", "Paracetamol",
            "Penicillin", "Phenoxymethylpenicillin", "Phenytoin", "Piperacillin with tazobactam", "Pregabalin",
            "Ramipril", "Simvastatin", "Sulfasalazine", "Sulfonamides", "Tetracycline", "Tramadol", "Trimethoprim",
            "Vancomycin", "Warfarin");

    /** Reactions offered by both candidates (coded display text). */
    public static final List<String> REACTIONS = List.of(
            "Rash", "Urticaria", "Anaphylaxis", "Bronchospasm", "Angioedema", "Nausea and vomiting", "Other");

    /** The coded display text for an allergen typed or chosen in any case; free text is tidied up. */
    public static String normaliseAllergen(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return null;
        }
        for (String a : ALLERGENS) {
            if (a.equalsIgnoreCase(s)) {
                return a;
            }
        }
        if (s.equalsIgnoreCase("penicillins") || s.equalsIgnoreCase("penicillin allergy")) {
            return "Penicillin";
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** The coded reaction for a value in any case, or null if it is not one of {@link #REACTIONS}. */
    public static String normaliseReaction(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim().replace('_', ' ');
        for (String r : REACTIONS) {
            if (r.equalsIgnoreCase(s)) {
                return r;
            }
        }
        return null;
    }
}
