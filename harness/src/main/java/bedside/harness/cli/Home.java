package bedside.harness.cli;

import java.nio.file.Path;

/**
 * Where Bedside keeps its data and finds its shipped files. {@code ./bedside} sets both; run any other way
 * the data goes to {@code ~/.bedside} and the shipped suites are looked for in the working directory.
 */
public final class Home {
    private Home() {}

    /** {@code $BEDSIDE_HOME}: the embedded database ({@code pg/}), journals ({@code journal/}), reports ({@code reports/}). */
    public static Path data() {
        String env = System.getenv("BEDSIDE_HOME");
        return (env == null || env.isBlank() ? Path.of(System.getProperty("user.home"), ".bedside") : Path.of(env))
                .toAbsolutePath().normalize();
    }

    /** The Bedside checkout ({@code $BEDSIDE_ROOT}), which holds the shipped suites. */
    public static Path root() {
        String env = System.getenv("BEDSIDE_ROOT");
        return (env == null || env.isBlank() ? Path.of("") : Path.of(env)).toAbsolutePath().normalize();
    }

    public static Path shippedSuite() {
        return root().resolve("scenarios/suites/sed-core");
    }
}
