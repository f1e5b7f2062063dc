package bedside.harness.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import io.javalin.http.Context;

/** What the session's two pages (the task panel, the observer's) share: their one-time keys and their HTML files. */
final class Pages {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pages() {}

    /** A one-time key for a page's address: 128 random bits, as hex. */
    static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A page shipped beside this class. */
    static String html(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the page " + name + " is missing from the harness");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the request carries the page's key; answers 404 (as for any unknown address) when it does not. */
    static boolean keyed(Context ctx, String key) {
        if (!key.equals(ctx.pathParam("key"))) {
            ctx.status(404).result("Not found");
            return false;
        }
        return true;
    }

    /** Answers the page {@code name} to a request with the right key, never cached (the key is in its address). */
    static void serve(Context ctx, String key, String name) {
        if (keyed(ctx, key)) {
            ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(html(name));
        }
    }
}
