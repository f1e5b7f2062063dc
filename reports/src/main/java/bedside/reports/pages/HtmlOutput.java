package bedside.reports.pages;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * jte's context-sensitive HTML escaping ({@link OwaspHtmlTemplateOutput}), with one addition: text from data in a tag
 * body also has its quotes escaped ({@code "} as {@code &#34;}, {@code '} as {@code &#39;}), as Bedside's pages always
 * did, so no data value appears with a raw quote anywhere on a page. Attributes and script blocks are escaped by jte.
 */
final class HtmlOutput extends OwaspHtmlTemplateOutput {
    private final TemplateOutput out;
    private String tag;
    private String attribute;

    HtmlOutput(TemplateOutput out) {
        super(out);
        this.out = out;
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        super.setContext(tagName, attributeName);
        this.tag = tagName;
        this.attribute = attributeName;
    }

    @Override
    public void writeUserContent(String value) {
        if (value == null || attribute != null || "script".equals(tag) || "style".equals(tag)) {
            super.writeUserContent(value);
            return;
        }
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            String entity = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                if (i > from) {
                    out.writeContent(value, from, i);
                }
                out.writeContent(entity);
                from = i + 1;
            }
        }
        if (from < value.length()) {
            out.writeContent(value, from, value.length());
        }
    }
}
