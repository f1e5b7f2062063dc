package bedside.candidates.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same pages with every class name changed, as a new build of a single-page app renames its generated classes:
 * for Bedside's tests that a binding written by demonstration finds its elements without class names. Every class in
 * a page's {@code class} attributes gets a suffix, and so does every class the style sheets and scripts name, so the
 * candidate looks and behaves as before.
 */
final class Restyling {
    private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("(\\bclass\\s*=\\s*)([\"'])([^\"']*)\\2");
    private static final Pattern CSS_CLASS = Pattern.compile("\\.(-?[A-Za-z_][\\w-]*)");
    private static final Pattern JS_STRING = Pattern.compile("'([^'\\\\\\n]*)'|\"([^\"\\\\\\n]*)\"");
    private static final Pattern CLASS_LIST = Pattern.compile("(classList\\.(?:add|remove|contains|toggle)\\(\\s*)(['\"])([\\w-]+)\\2");
    private static final Set<String> NOT_CLASSES = Set.of("png", "svg", "css", "js", "woff", "woff2", "gif", "jpg", "do");

    private final String suffix;
    private final Set<String> styled = new TreeSet<>();

    Restyling(String suffix, String... styleSheets) {
        this.suffix = "-" + suffix;
        for (String sheet : styleSheets) {
            Matcher m = CSS_CLASS.matcher(read(sheet));
            while (m.find()) {
                if (!NOT_CLASSES.contains(m.group(1))) styled.add(m.group(1));
            }
        }
    }

    /** The body with its classes renamed, by its content type (HTML, CSS, JavaScript); anything else as it is. */
    String apply(String contentType, String body) {
        String type = contentType == null ? "" : contentType;
        if (type.startsWith("text/html")) return attributes(body);
        if (type.startsWith("text/css")) return classesIn(body);
        if (type.startsWith("text/javascript")) return script(body);
        return body;
    }

    private String attributes(String html) {
        Matcher m = CLASS_ATTRIBUTE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String renamed = String.join(" ", java.util.Arrays.stream(m.group(3).trim().split("\\s+"))
                    .filter(c -> !c.isEmpty()).map(c -> c + suffix).toList());
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + renamed + m.group(2)));
        }
        return m.appendTail(out).toString();
    }

    private String classesIn(String css) {
        Matcher m = CSS_CLASS.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String c = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement("." + (styled.contains(c) ? c + suffix : c)));
        }
        return m.appendTail(out).toString();
    }

    private String script(String js) {
        Matcher list = CLASS_LIST.matcher(attributes(js));
        StringBuilder listed = new StringBuilder();
        while (list.find()) {
            list.appendReplacement(listed, Matcher.quoteReplacement(list.group(1) + list.group(2) + list.group(3) + suffix
                    + list.group(2)));
        }
        Matcher s = JS_STRING.matcher(list.appendTail(listed).toString());
        StringBuilder out = new StringBuilder();
        while (s.find()) {
            String literal = s.group();
            s.appendReplacement(out, Matcher.quoteReplacement(literal.contains(suffix) ? literal : classesIn(literal)));
        }
        return s.appendTail(out).toString();
    }

    private static String read(String resource) {
        try (InputStream in = Restyling.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no style sheet " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
