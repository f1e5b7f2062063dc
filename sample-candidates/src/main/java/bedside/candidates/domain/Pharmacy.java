package bedside.candidates.domain;

import java.util.List;
import java.util.Optional;

/** A community pharmacy that receives electronic prescriptions (fictitious ODS codes). */
public record Pharmacy(String code, String name, String town) {
    public static final List<Pharmacy> ALL = List.of(
            new Pharmacy("FAB12", "High Street Pharmacy", "Leeds"),
            new Pharmacy("FCD34", "Meadow Lane Chemist", "Sheffield"),
            new Pharmacy("FEF56", "Riverside Pharmacy", "Cardiff"),
            new Pharmacy("FGH78", "Brook Street Pharmacy", "Leicester"),
            new Pharmacy("FJK90", "Fairfield Pharmacy", "Manchester"),
            new Pharmacy("FLM21", "Cedar Grove Pharmacy", "Birmingham"));

    /** "High Street Pharmacy, Leeds (FAB12)". */
    public String label() {
        return name + ", " + town + " (" + code + ")";
    }

    public static Optional<Pharmacy> byCode(String code) {
        return ALL.stream().filter(p -> p.code.equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }
}
