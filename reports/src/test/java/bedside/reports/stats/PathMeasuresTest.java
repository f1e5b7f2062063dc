package bedside.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11's derived measures, each against a hand-worked case of its formula. */
class PathMeasuresTest {

    @Test
    void lostnessIsZeroOnThePerfectPathAndGrowsWithRevisitsAndDetours() {
        // The expert path: three screens, each once.
        assertThat(PathMeasures.lostness(List.of("search", "chart", "allergy"), 3)).isEqualTo(0.0);
        // Ten screens visited, five different, three needed: √((5/10 − 1)² + (3/5 − 1)²) = √(0.25 + 0.16) = 0.6403.
        List<String> wandering = List.of("search", "chart", "search", "chart", "results", "chart", "orders", "chart",
                "allergy", "chart");
        assertThat(PathMeasures.lostness(wandering, 3)).isCloseTo(Math.sqrt(0.41), within(1e-12)).isGreaterThan(0.4);
        // Every screen once, one detour screen: √(0 + (3/4 − 1)²) = 0.25.
        assertThat(PathMeasures.lostness(List.of("search", "results", "chart", "allergy"), 3)).isCloseTo(0.25, within(1e-12));
        assertThat(PathMeasures.lostness(List.of(), 3)).isNaN();
    }

    @Test
    void anExpertPathThatComesBackToAScreenIsNotLostOnItself() {
        // HAPI FHIR's tester: its one resource page, for the patient and then for the allergy. 5 visits, 4 screens.
        List<String> expert = List.of("/", "/resource", "/search", "/resource", "/create");
        assertThat(PathMeasures.lostness(expert, 4, 1)).isEqualTo(0.0);
        // One revisit more than the task needs: S' = 6 − 1 = 5, N = 4: √((4/5 − 1)²) = 0.2.
        List<String> back = List.of("/", "/resource", "/search", "/resource", "/search", "/create");
        assertThat(PathMeasures.lostness(back, 4, 1)).isCloseTo(0.2, within(1e-12));
        // The needed revisits never take S below the different screens visited: S = N = 3, √((4/3 − 1)²) = 1/3.
        assertThat(PathMeasures.lostness(List.of("/", "/resource", "/create"), 4, 1)).isCloseTo(1 / 3.0, within(1e-12));
        // Without needed revisits, Smith's formula as before.
        assertThat(PathMeasures.lostness(expert, 4, 0)).isEqualTo(PathMeasures.lostness(expert, 4)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void deviationsAreObservedOverOptimal() {
        assertThat(PathMeasures.pathDeviation(24, 16)).isEqualTo(1.5);
        assertThat(PathMeasures.pathDeviation(3, 0)).isNaN();
        assertThat(PathMeasures.timeDeviation(63_000, 42_000)).isEqualTo(1.5);
        assertThat(PathMeasures.timeDeviation(1, 0)).isNaN();
    }

    @Test
    void aSuccessIsDirectOnlyWithinTheExpertPathsScreens() {
        List<String> expert = List.of("search", "chart", "allergy");
        assertThat(PathMeasures.success(true, List.of("search", "chart", "chart", "allergy"), expert))
                .isEqualTo(PathMeasures.Success.DIRECT);
        assertThat(PathMeasures.success(true, List.of("search", "results", "chart", "allergy"), expert))
                .isEqualTo(PathMeasures.Success.INDIRECT);
        assertThat(PathMeasures.success(false, List.of("search"), expert)).isEqualTo(PathMeasures.Success.NONE);
    }
}
