package bedside.candidates.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A prescribable product with sensible defaults. {@code ingredient} is what allergy and interaction checks use.
 */
public record Medicine(String name, String ingredient, String dose, String route, String frequency, int days) {
    public static final List<String> ROUTES = List.of("Oral", "Inhaled", "Topical", "Subcutaneous", "Intravenous",
            "Intramuscular", "Rectal");
    public static final List<String> FREQUENCIES = List.of("Once daily", "Twice daily", "Three times a day",
            "Four times a day", "At night", "Every 4 to 6 hours when required", "When required");

    public static final List<Medicine> CATALOGUE = List.of(
            new Medicine("Amlodipine 5 mg tablets", "Amlodipine", "5 mg", "Oral", "Once daily", 28),
            new Medicine("Amoxicillin 500 mg capsules", "Amoxicillin", "500 mg", "Oral", "Three times a day", 5),
            new Medicine("Aspirin 75 mg dispersible tablets", "Aspirin", "75 mg", "Oral", "Once daily", 28),
            new Medicine("Atorvastatin 20 mg tablets", "Atorvastatin", "20 mg", "Oral", "At night", 28),
            new Medicine("Clarithromycin 500 mg tablets", "Clarithromycin", "500 mg", "Oral", "Twice daily", 5),
            new Medicine("Co-amoxiclav 500 mg/125 mg tablets", "Co-amoxiclav", "1 tablet", "Oral", "Three times a day", 5),
            new Medicine("Doxycycline 100 mg capsules", "Doxycycline", "100 mg", "Oral", "Once daily", 5),
            new Medicine("Flucloxacillin 500 mg capsules", "Flucloxacillin", "500 mg", "Oral", "Four times a day", 7),
            new Medicine("Ibuprofen 400 mg tablets", "Ibuprofen", "400 mg", "Oral", "Three times a day", 5),
            new Medicine("Lansoprazole 30 mg capsules", "Lansoprazole", "30 mg", "Oral", "Once daily", 28),
            new Medicine("Metformin 500 mg tablets", "Metformin", "500 mg", "Oral", "Twice daily", 28),
            new Medicine("Metronidazole 400 mg tablets", "Metronidazole", "400 mg", "Oral", "Three times a day", 7),
            new Medicine("Naproxen 250 mg tablets", "Naproxen", "250 mg", "Oral", "Twice daily", 5),
            new Medicine("Nitrofurantoin 100 mg modified-release capsules", "Nitrofurantoin", "100 mg", "Oral", "Twice daily", 3),
            new Medicine("Paracetamol 500 mg tablets", "Paracetamol", "1 g", "Oral", "Four times a day", 5),
            new Medicine("Phenoxymethylpenicillin 250 mg tablets", "Phenoxymethylpenicillin", "500 mg", "Oral", "Four times a day", 5),
            new Medicine("Ramipril 5 mg capsules", "Ramipril", "5 mg", "Oral", "Once daily", 28),
            new Medicine("Salbutamol 100 micrograms/dose inhaler", "Salbutamol", "2 puffs", "Inhaled", "When required", 30),
            new Medicine("Simvastatin 40 mg tablets", "Simvastatin", "40 mg", "Oral", "At night", 28),
            new Medicine("Trimethoprim 200 mg tablets", "Trimethoprim", "200 mg", "Oral", "Twice daily", 3));

    /** Exact product name (any case), or a unique product whose name starts with the text. */
    public static Optional<Medicine> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Optional<Medicine> exact = CATALOGUE.stream().filter(m -> m.name.toLowerCase(Locale.ROOT).equals(t)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Medicine> starts = CATALOGUE.stream().filter(m -> m.name.toLowerCase(Locale.ROOT).startsWith(t)).toList();
        return starts.size() == 1 ? Optional.of(starts.get(0)) : Optional.empty();
    }

    /** The active ingredient named at the start of a medication text ("Warfarin 3 mg tablets" → "Warfarin"). */
    public static String ingredientOf(String medication) {
        if (medication == null) {
            return "";
        }
        return find(medication).map(Medicine::ingredient).orElseGet(() -> medication.trim().split("\\s+")[0]);
    }
}
