package bedside.reports.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Bedside's one page layer: every HTML page Bedside serves or writes is a jte template under
 * {@code reports/src/main/jte}, laid out by {@code page.jte} and styled by the one style sheet
 * {@code bedside/reports/pages/bedside.css}, inlined so each page stays a self-contained file (no scripts, no
 * network). The templates are compiled to Java at build time (package {@code bedside.reports.pages.jte}), so
 * rendering needs only jte's runtime. Output is HTML-escaped by default ({@link HtmlOutput}); the only unescaped
 * content is the style sheet, a constant.
 */
public final class Pages {
    private static final String STYLE = resource("bedside.css");
    private static final TemplateEngine ENGINE = engine();

    private Pages() {
    }

    /**
     * Renders one template.
     *
     * @param template its path under src/main/jte, e.g. {@code "run/report.jte"}
     * @param model    its one parameter
     */
    public static String render(String template, Object model) {
        StringOutput out = new StringOutput(16_384);
        ENGINE.render(template, model, new HtmlOutput(out));
        return out.toString();
    }

    /**
     * Renders a template with several parameters, by name.
     *
     * @param params its parameters; those it declares with a default may be left out
     */
    public static String render(String template, java.util.Map<String, Object> params) {
        StringOutput out = new StringOutput(16_384);
        ENGINE.render(template, params, new HtmlOutput(out));
        return out.toString();
    }

    /**
     * A page written beside this one (the same run's or study's), linked from the top of the page; left out of print,
     * where a link leads nowhere.
     *
     * @param href relative to the page that links it
     */
    public record Link(String label, String href) {
    }

    /** A picture a page embeds: a base64 JPEG or PNG data address (a screenshot, a screen, a click map's background). */
    public static final java.util.regex.Pattern IMAGE =
            java.util.regex.Pattern.compile("data:image/(jpeg|png);base64,[A-Za-z0-9+/]+={0,2}");

    /** The style sheet every page inlines. */
    public static String style() {
        return STYLE;
    }

    private static TemplateEngine engine() {
        // A precompiled engine loads templates with the context class loader of the thread that makes it: make it
        // with the one that loaded these classes, whatever thread renders the first page (a server's, a CLI's).
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Pages.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, null, "bedside.reports.pages.jte");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + Pages.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
