package bedside.results.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * rrweb-player's bundle and style sheet, taken from npm at build time ({@code src/main/replay}) and shipped in this jar:
 * the replay page plays attempts with them, and the harness rebuilds an attempt's screens with them to audit them.
 */
public final class ReplayAssets {
    private static final String PLAYER_JS = asset("rrweb-player.umd.min.cjs");
    private static final String PLAYER_CSS = asset("style.min.css");

    private ReplayAssets() {
    }

    /** The player's UMD bundle (it defines {@code window.rrwebPlayer}). */
    public static String playerJs() {
        return PLAYER_JS;
    }

    /** The player's style sheet. */
    public static String playerCss() {
        return PLAYER_CSS;
    }

    private static String asset(String name) {
        try (InputStream in = ReplayAssets.class.getResourceAsStream("/bedside/replay/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/bedside/replay/" + name + " is missing from the build: the build "
                        + "takes rrweb-player from npm (results-server/src/main/replay)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
