package bedside.harness.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rrweb's recorder as bundled from npm at build time ({@code results-server/src/main/replay}), with one upstream fault
 * mended before it goes into any page.
 *
 * <p>The fault (rrweb 2.1.6, the latest on npm; rrweb-io/rrweb pull request 1802, not yet released): to be sure it
 * reads the DOM through the browser's own functions, rrweb checks that some prototype getters are native, and if one
 * is not, takes clean prototypes from a hidden iframe it creates and removes again. It lists {@code Element}'s
 * {@code querySelector} and {@code querySelectorAll} among the getters, but they are methods, so the check fails on
 * every page: every document of the candidate got an iframe added and removed (which its own scripts could see), and
 * rrweb's work at each page load took three times as long (36 ms against 12 on the legacy sample: BENCHMARKS.md,
 * replay). The mend moves the two names to the methods' list, exactly as the pull request does; a page that really
 * has patched them still gets the iframe.
 */
final class RrwebBundle {
    private RrwebBundle() {
    }

    /** The two lists as rrweb 2.1.6's minified bundle has them: the getters' ({@code $1}...) and the methods'. */
    static final Pattern METHODS_AS_GETTERS = Pattern.compile(
            "Element:\\[\"shadowRoot\",\"querySelector\",\"querySelectorAll\"\\](,MutationObserver:\\[\\]\\},[\\w$]+=\\{"
                    + "Node:\\[\"contains\",\"getRootNode\"\\],ShadowRoot:\\[\"getSelection\"\\],)Element:\\[\\]");

    /** rrweb's recorder, mended; null in a build without it. */
    static final String SOURCE = mend(asBuilt());

    /** The bundle as npm gave it; null in a build without it. */
    static String asBuilt() {
        try (InputStream in = RrwebBundle.class.getResourceAsStream("/bedside/replay/record.umd.min.cjs")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundle with the fault mended; unchanged if it does not have the fault as 2.1.6 has it (a later rrweb may have
     * fixed it: RrwebBundleTest says so when the pinned version changes).
     */
    static String mend(String bundle) {
        if (bundle == null) {
            return null;
        }
        Matcher m = METHODS_AS_GETTERS.matcher(bundle);
        return m.find() ? bundle.substring(0, m.start()) + "Element:[\"shadowRoot\"]" + m.group(1)
                + "Element:[\"querySelector\",\"querySelectorAll\"]" + bundle.substring(m.end()) : bundle;
    }
}
