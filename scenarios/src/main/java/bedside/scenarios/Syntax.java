package bedside.scenarios;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.jsoup.select.QueryParser;

/**
 * Checks css selectors, XPath expressions, JsonPath expressions and regular expressions before a run.
 * {@code ${...}} parameters inside them are allowed: they are replaced by a placeholder before parsing.
 */
public final class Syntax {
    private Syntax() {}

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{[^}]*}");

    /** jsoup extensions to css that browsers do not understand. */
    private static final Pattern JSOUP_ONLY = Pattern.compile(
            ":(containsOwn|containsWholeOwnText|containsWholeText|containsData|contains|matchesWholeOwnText|matchesWholeText|matchesOwn|matches|matchText|lt|gt|eq)\\(");

    /** ARIA roles a {@code role:} locator may name. */
    public static final Set<String> ARIA_ROLES = Set.of(
            "alert", "alertdialog", "application", "article", "banner", "blockquote", "button", "caption", "cell",
            "checkbox", "code", "columnheader", "combobox", "complementary", "contentinfo", "definition", "deletion",
            "dialog", "directory", "document", "emphasis", "feed", "figure", "form", "generic", "grid", "gridcell",
            "group", "heading", "img", "image", "insertion", "link", "list", "listbox", "listitem", "log", "main",
            "mark", "marquee", "math", "menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "meter",
            "navigation", "none", "note", "option", "paragraph", "presentation", "progressbar", "radio",
            "radiogroup", "region", "row", "rowgroup", "rowheader", "scrollbar", "search", "searchbox", "separator",
            "slider", "spinbutton", "status", "strong", "subscript", "superscript", "switch", "tab", "table",
            "tablist", "tabpanel", "term", "textbox", "time", "timer", "toolbar", "tooltip", "tree", "treegrid",
            "treeitem");

    /** Replaces each {@code ${...}} by a neutral placeholder so the rest can be parsed. */
    static String withoutParameters(String text) {
        return PARAMETER.matcher(text).replaceAll(Matcher.quoteReplacement("x0"));
    }

    /** Why the css selector is invalid, or empty when a browser can use it. */
    public static Optional<String> cssError(String selector) {
        String s = withoutParameters(selector);
        if (s.isBlank()) return Optional.of("empty css selector");
        Matcher jsoupOnly = JSOUP_ONLY.matcher(s);
        if (jsoupOnly.find()) {
            return Optional.of("`:" + jsoupOnly.group(1) + "(` is not css a browser understands");
        }
        try {
            QueryParser.parse(s);
            return Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.of("invalid css selector: " + clean(e.getMessage()));
        }
    }

    /** Why the XPath 1.0 expression is invalid, or empty. */
    public static Optional<String> xpathError(String expression) {
        String s = withoutParameters(expression);
        if (s.isBlank()) return Optional.of("empty xpath");
        try {
            XPathFactory.newInstance().newXPath().compile(s);
            return Optional.empty();
        } catch (XPathExpressionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String message = cause.getMessage() != null ? cause.getMessage() : e.getMessage();
            String clean = clean(message);
            if (clean.endsWith(":")) clean = clean.substring(0, clean.length() - 1) + " the end of the expression";
            return Optional.of("invalid xpath: " + clean);
        }
    }

    /** Why the JsonPath is invalid, or empty. */
    public static Optional<String> jsonPathError(String path) {
        String s = withoutParameters(path);
        if (s.isBlank()) return Optional.of("empty JsonPath");
        try {
            JsonPath.compile(s);
            return Optional.empty();
        } catch (InvalidPathException | IllegalArgumentException | IllegalStateException e) {
            return Optional.of("invalid JsonPath: " + clean(e.getMessage()));
        }
    }

    /** Why the regular expression (Java syntax) is invalid, or empty. */
    public static Optional<String> regexError(String regex) {
        try {
            Pattern.compile(withoutParameters(regex));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private static String clean(String message) {
        if (message == null) return "cannot be parsed";
        String first = List.of(message.split("\\R")).get(0).trim();
        return first.isEmpty() ? "cannot be parsed" : first;
    }
}
