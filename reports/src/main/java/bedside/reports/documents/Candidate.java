package bedside.reports.documents;

/** A candidate system as the study names it. */
public record Candidate(String code, String name, String vendor) {
}
