package bedside.results.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseConfigTest {
    private final Path home = Path.of("/home/ana/.bedside");

    @Test
    void withoutAServerUrlTheDatabaseIsEmbeddedUnderTheBedsideHome() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(home, Map.of());
        assertThat(config.isEmbedded()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("/home/ana/.bedside/pg"));
        assertThat(config.port()).isZero();
        assertThat(config.fsync()).isTrue();
        assertThat(config.describe()).isEqualTo("embedded PostgreSQL, data in /home/ana/.bedside/pg");
        assertThat(DatabaseConfig.fromEnvironment(home, Map.of("BEDSIDE_DB_URL", "  ")).isEmbedded()).isTrue();
    }

    @Test
    void aServerUrlFromTheEnvironmentWinsAndItsPasswordIsNeverPrinted() {
        DatabaseConfig config = DatabaseConfig.fromEnvironment(home, Map.of(
                "BEDSIDE_DB_URL", "jdbc:postgresql://db.example:5432/bedside",
                "BEDSIDE_DB_USER", "evaluator",
                "BEDSIDE_DB_PASSWORD", "s3cret"));
        assertThat(config.kind()).isEqualTo(DatabaseConfig.Kind.SERVER);
        assertThat(config.user()).isEqualTo("evaluator");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.describe()).isEqualTo("PostgreSQL server jdbc:postgresql://db.example:5432/bedside as evaluator");
        assertThat(config.toString()).doesNotContain("s3cret");

        DatabaseConfig inUrl = DatabaseConfig.server("jdbc:postgresql://h/db?user=u&password=pw&ssl=true", null, null);
        assertThat(inUrl.describe()).doesNotContain("pw").contains("password=***&ssl=true");
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> DatabaseConfig.server("jdbc:mysql://h/db", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseConfig.embedded(home, 70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DatabaseConfig.embedded(Path.of("rel/pg")).dataDir()).isAbsolute();
        assertThat(DatabaseConfig.embedded(home, 15432).describe()).contains("port 15432");
    }
}
