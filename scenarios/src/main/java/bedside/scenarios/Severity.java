package bedside.scenarios;

/** How bad a {@link Problem} is: errors make a suite unusable, warnings do not. */
public enum Severity {
    ERROR("error"), WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word shown in messages: {@code error} or {@code warning}. */
    public String label() {
        return label;
    }
}
