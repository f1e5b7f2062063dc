package bedside.harness.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RrwebBundleTest {
    @Test
    void thePinnedBundleHasTheFaultAndTheMendTakesItAway() {
        String built = RrwebBundle.asBuilt();
        assertThat(built).as("rrweb's recorder is in this build").isNotNull();
        assertThat(RrwebBundle.METHODS_AS_GETTERS.matcher(built).find())
                .as("rrweb 2.1.6 lists querySelector among the getters; a new version may not: then drop the mend").isTrue();
        String mended = RrwebBundle.SOURCE;
        assertThat(RrwebBundle.METHODS_AS_GETTERS.matcher(mended).find()).isFalse();
        assertThat(mended).contains("Element:[\"shadowRoot\"],MutationObserver:[]}",
                "ShadowRoot:[\"getSelection\"],Element:[\"querySelector\",\"querySelectorAll\"]");
        // The two names moved, nothing else: the text before and after the two lists is the same.
        var m = RrwebBundle.METHODS_AS_GETTERS.matcher(built);
        assertThat(m.find()).isTrue();
        assertThat(mended).startsWith(built.substring(0, m.start())).endsWith(built.substring(m.end()))
                .hasSize(built.length() - 1); // one comma fewer
    }

    @Test
    void aBundleWithoutTheFaultIsLeftAsItIs() {
        String other = "const dt={Element:[\"shadowRoot\"]},ht={Element:[\"querySelector\"]};";
        assertThat(RrwebBundle.mend(other)).isSameAs(other);
        assertThat(RrwebBundle.mend(null)).isNull();
    }
}
