package bedside.results;

/** A candidate system in a study. @param vendor the vendor's name, or null */
public record CandidateRecord(String code, String displayName, String vendor) {
}
