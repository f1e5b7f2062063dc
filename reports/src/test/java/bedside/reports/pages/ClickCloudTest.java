package bedside.reports.pages;

import static bedside.reports.pages.PageEscapingTest.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import bedside.reports.pages.ClickCloud.Click;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** One screen's clicks, aggregated, without a screenshot: scaling, kinds, caption and drawing. */
class ClickCloudTest {
    static final List<Click> EXPERT = List.of(new Click(100, 200, "Allergies tab", false),
            new Click(640, 400, "Save", false));

    @Test
    void aWideViewportIsScaledTo480PixelsWide() {
        ClickCloud c = ClickCloud.of("/patients/:id/allergies", 1280, 800, List.of(new Click(640, 400, "Save", false),
                new Click(1400, -5, "outside", true), new Click(0, 800, null, false)), EXPERT);
        assertThat(c.scale()).isEqualTo(0.375);
        assertThat(c.frameWidth()).isEqualTo(480);
        assertThat(c.frameHeight()).isEqualTo(300);
        assertThat(c.width()).isEqualTo(500);
        assertThat(c.height()).isEqualTo(350);
        assertThat(c.dots()).extracting(ClickCloud.Dot::x, ClickCloud.Dot::y, ClickCloud.Dot::misclick, ClickCloud.Dot::title)
                .containsExactly(tuple(250.0, 160.0, false, "click: Save"),
                        tuple(490.0, 10.0, true, "misclick: outside"),        // outside the viewport: on its edge
                        tuple(10.0, 310.0, false, "click: no named target"));
        assertThat(c.rings()).extracting(ClickCloud.Ring::n, ClickCloud.Ring::x, ClickCloud.Ring::y, ClickCloud.Ring::title)
                .containsExactly(tuple(1, 47.5, 85.0, "expert click 1: Allergies tab"), tuple(2, 250.0, 160.0, "expert click 2: Save"));
        assertThat(c.participants()).isNull();
        assertThat(c.caption()).isEqualTo("3 clicks on /patients/:id/allergies");
        assertThat(c.title()).isEqualTo("3 clicks on /patients/:id/allergies (1 misclick), over the expert's 2 clicks; "
                + "viewport 1280 × 800 CSS pixels");
    }

    @Test
    void aTallViewportIsScaledToFit600PixelsHigh() {
        ClickCloud c = ClickCloud.of("/long", 400, 2000, List.of(new Click(200, 1000, "x", false)), List.of());
        assertThat(c.scale()).isEqualTo(0.3);
        assertThat(c.frameWidth()).isEqualTo(120);
        assertThat(c.frameHeight()).isEqualTo(600);
        assertThat(c.width()).isEqualTo(400);  // room for the legend
        assertThat(c.dots().get(0).x()).isEqualTo(70);
        assertThat(c.dots().get(0).y()).isEqualTo(310);
        assertThatThrownBy(() -> ClickCloud.of("/x", 0, 800, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perParticipantCountsTheParticipants() {
        ClickCloud c = ClickCloud.ofParticipants("/patients/:id", 1280, 800, List.of(
                List.of(new Click(10, 10, "A", false), new Click(20, 20, "B", true)),
                List.of(new Click(30, 30, "A", false)),
                List.of()), EXPERT);
        assertThat(c.participants()).isEqualTo(3);
        assertThat(c.dots()).hasSize(3);
        assertThat(c.caption()).isEqualTo("3 clicks by 3 participants on /patients/:id");
        assertThat(ClickCloud.ofParticipants("/x", 100, 100, List.of(List.of(new Click(1, 1, "A", false))), List.of())
                .caption()).isEqualTo("1 click by 1 participant on /x");
    }

    @Test
    void drawsDotsRingsAndALegend() {
        ClickCloud c = ClickCloud.ofParticipants("/patients/:id", 1280, 800, List.of(
                List.of(new Click(10, 10, "A", false), new Click(20, 20, "B", true))), EXPERT);
        String html = Pages.render("chart/clickcloud.jte", Map.of("cloud", c));
        Svg svg = Svg.parse(html);
        assertThat(svg.title()).isEqualTo(c.title());
        List<Element> circles = svg.all("circle");
        assertThat(circles).hasSize(2 + 2 + 3);   // dots, rings, legend
        assertThat(circles.get(0).getAttribute("fill")).isEqualTo(ClickCloud.CLICK_COLOR);
        assertThat(circles.get(1).getAttribute("fill")).isEqualTo(ClickCloud.MISCLICK_COLOR);
        assertThat(circles.get(0).getAttribute("fill-opacity")).isEqualTo("0.4");
        assertThat(circles.get(1).getAttribute("fill-opacity")).isEqualTo("0.6");
        assertThat(circles.get(2).getAttribute("fill")).isEqualTo("none");
        assertThat(svg.titles()).containsExactly("click: A", "misclick: B", "expert click 1: Allergies tab",
                "expert click 2: Save");
        assertThat(svg.all("text")).extracting(Element::getTextContent).contains("1", "2", "participant click", "misclick",
                "expert click (in order)");
        assertThat(html).contains("<figcaption>2 clicks by 1 participant on /patients/:id</figcaption>");
    }

    /** A JPEG's data address (its bytes are not read here). */
    static final String PICTURE = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";

    @Test
    void drawnOnTheScreenThePictureFillsTheFrameUnderTheClicks() {
        ClickCloud plain = ClickCloud.ofParticipants("/patients/:id", 1280, 800, List.of(
                List.of(new Click(10, 10, "A", false))), EXPERT);
        assertThat(plain.background()).isNull();
        assertThat(Svg.parse(Pages.render("chart/clickcloud.jte", Map.of("cloud", plain))).all("image")).isEmpty();

        ClickCloud c = plain.over(PICTURE, "the screen as first shown");
        assertThat(c.dots()).isEqualTo(plain.dots());
        assertThat(c.caption()).isEqualTo("1 click by 1 participant on /patients/:id, drawn on the screen as first shown");
        String html = Pages.render("chart/clickcloud.jte", Map.of("cloud", c));
        Svg svg = Svg.parse(html);
        List<Element> images = svg.all("image");
        assertThat(images).hasSize(1);
        Element image = images.get(0);
        assertThat(image.getAttribute("href")).isEqualTo(PICTURE);
        assertThat(Double.parseDouble(image.getAttribute("x"))).isEqualTo(c.frameX());
        assertThat(Double.parseDouble(image.getAttribute("width"))).isCloseTo(c.frameWidth(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(image.getAttribute("height"))).isCloseTo(c.frameHeight(), org.assertj.core.data.Offset.offset(0.01));
        // under the clicks: drawn before the first dot
        assertThat(html.indexOf("<image")).isLessThan(html.indexOf("<circle"));
        assertThatThrownBy(() -> plain.over("javascript:alert(1)", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTargetAndTheScreenAreEscaped() {
        ClickCloud c = ClickCloud.ofParticipants("/s/" + HOSTILE, 1280, 800,
                List.of(List.of(new Click(10, 10, "button " + HOSTILE, true))), List.of(new Click(5, 5, HOSTILE, false)));
        String html = Pages.render("chart/clickcloud.jte", Map.of("cloud", c));
        PageEscapingTest.assertEscaped(html);
        Svg.parse(html);
    }
}
