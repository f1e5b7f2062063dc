package bedside.reports.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the pages write numbers: a percentile rank as an ordinal. */
class FmtTest {
    @Test
    void aPercentileRankIsAnEnglishOrdinal() {
        // Found in a session's report on HAPI FHIR's tester: a SUS of 40.0 was "about the 1th percentile".
        assertThat(Fmt.ordinal(1.0)).isEqualTo("1st");
        assertThat(Fmt.ordinal(1.4)).isEqualTo("1st");
        assertThat(Fmt.ordinal(2.0)).isEqualTo("2nd");
        assertThat(Fmt.ordinal(2.6)).isEqualTo("3rd");
        assertThat(Fmt.ordinal(4.0)).isEqualTo("4th");
        assertThat(Fmt.ordinal(0.2)).isEqualTo("0th");
        assertThat(Fmt.ordinal(11.0)).isEqualTo("11th");
        assertThat(Fmt.ordinal(12.0)).isEqualTo("12th");
        assertThat(Fmt.ordinal(13.0)).isEqualTo("13th");
        assertThat(Fmt.ordinal(21.0)).isEqualTo("21st");
        assertThat(Fmt.ordinal(52.0)).isEqualTo("52nd");
        assertThat(Fmt.ordinal(73.0)).isEqualTo("73rd");
        assertThat(Fmt.ordinal(50.0)).isEqualTo("50th");
        assertThat(Fmt.ordinal(100.0)).isEqualTo("100th");
        assertThat(Fmt.ordinal(null)).isEqualTo(Fmt.NONE);
    }
}
