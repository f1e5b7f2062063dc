package bedside.candidates.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The small knowledge base behind drug–allergy and drug–drug warnings. */
public final class Interactions {
    private Interactions() {}

    /** An allergy to the key cross-reacts with these ingredients. */
    private static final Map<String, Set<String>> CROSS_SENSITIVITY = Map.of(
            "Penicillin", Set.of("Penicillin", "Amoxicillin", "Co-amoxiclav", "Flucloxacillin",
                    "Phenoxymethylpenicillin", "Benzylpenicillin", "Piperacillin with tazobactam"),
            "Aspirin", Set.of("Aspirin", "Ibuprofen", "Naproxen", "Diclofenac"));

    private static final Map<String, String> CLASS_NAMES = Map.of(
            "Penicillin", "a penicillin", "Aspirin", "a salicylate or NSAID");

    record Pair(String a, String b, String severity, String detail) {}

    private static final List<Pair> DRUG_DRUG = List.of(
            new Pair("Warfarin", "Clarithromycin", "high",
                    "Clarithromycin increases the anticoagulant effect of warfarin: risk of serious bleeding. Monitor INR closely or choose another antibiotic."),
            new Pair("Warfarin", "Aspirin", "high",
                    "Aspirin with warfarin increases the risk of bleeding."),
            new Pair("Warfarin", "Ibuprofen", "high",
                    "NSAIDs with warfarin increase the risk of gastrointestinal bleeding."),
            new Pair("Warfarin", "Naproxen", "high",
                    "NSAIDs with warfarin increase the risk of gastrointestinal bleeding."),
            new Pair("Warfarin", "Metronidazole", "high",
                    "Metronidazole increases the anticoagulant effect of warfarin: risk of bleeding."),
            new Pair("Simvastatin", "Clarithromycin", "high",
                    "Clarithromycin increases simvastatin exposure: risk of myopathy. Suspend simvastatin during the course."),
            new Pair("Ramipril", "Trimethoprim", "moderate",
                    "Trimethoprim with an ACE inhibitor increases the risk of hyperkalaemia."));

    /** A warning found for a proposed medicine. */
    public record Finding(String kind, String severity, String title, String detail, List<String> implicated) {}

    public static List<Finding> check(String ingredient, List<Allergy> allergies, List<String> currentIngredients) {
        List<Finding> out = new ArrayList<>();
        for (Allergy a : allergies) {
            Set<String> cross = CROSS_SENSITIVITY.getOrDefault(a.substance(), Set.of(a.substance()));
            if (cross.stream().anyMatch(c -> c.equalsIgnoreCase(ingredient))) {
                String why = ingredient.equalsIgnoreCase(a.substance()) ? ""
                        : " " + ingredient + " is " + CLASS_NAMES.getOrDefault(a.substance(), "related to " + a.substance()) + ".";
                out.add(new Finding("drug-allergy", "high", "Drug\u2013allergy interaction",
                        "Recorded allergy to " + a.substance() + " (" + a.reaction() + ", " + a.severity().code() + ")."
                                + why,
                        List.of(ingredient, "Allergy: " + a.substance())));
            }
        }
        for (String current : currentIngredients) {
            for (Pair p : DRUG_DRUG) {
                if ((p.a.equalsIgnoreCase(current) && p.b.equalsIgnoreCase(ingredient))
                        || (p.b.equalsIgnoreCase(current) && p.a.equalsIgnoreCase(ingredient))) {
                    out.add(new Finding("drug-drug", p.severity, "Drug\u2013drug interaction",
                            ingredient + " with " + current + ": " + p.detail, List.of(ingredient, current)));
                }
            }
        }
        return out;
    }
}
