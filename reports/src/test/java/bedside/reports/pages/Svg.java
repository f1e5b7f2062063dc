package bedside.reports.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A rendered chart read back as XML: it must be well-formed, an accessible, printable SVG. */
final class Svg {
    final Document doc;
    final Element svg;

    private Svg(Document doc, Element svg) {
        this.doc = doc;
        this.svg = svg;
    }

    /**
     * Parses {@code html} (an {@code <svg>}, or a {@code <figure>} holding one) and checks the SVG: role="img", a
     * viewBox of its width and height, at most 680 px wide, a non-empty {@code <title>} first.
     */
    static Svg parse(String html) {
        Document doc;
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + html, e);
        }
        NodeList list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(list.getLength()).as("one svg").isEqualTo(1);
        Element svg = (Element) list.item(0);
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        int width = Integer.parseInt(svg.getAttribute("width"));
        int height = Integer.parseInt(svg.getAttribute("height"));
        assertThat(width).isPositive().isLessThanOrEqualTo(680);
        assertThat(height).isPositive();
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 " + width + " " + height);
        Element first = firstElement(svg);
        assertThat(first.getLocalName()).isEqualTo("title");
        assertThat(first.getTextContent()).isNotBlank();
        return new Svg(doc, svg);
    }

    /** The SVG's {@code <title>}. */
    String title() {
        return firstElement(svg).getTextContent();
    }

    /** Every element named {@code name} in the SVG, in document order. */
    List<Element> all(String name) {
        NodeList list = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** The text of every {@code <title>} below the SVG's own. */
    List<String> titles() {
        List<String> out = new ArrayList<>();
        all("title").stream().skip(1).forEach(e -> out.add(e.getTextContent()));
        return out;
    }

    private static Element firstElement(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                return el;
            }
        }
        throw new AssertionError("no child element in " + e.getTagName());
    }
}
