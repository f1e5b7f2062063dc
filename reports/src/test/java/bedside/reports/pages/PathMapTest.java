package bedside.reports.pages;

import static bedside.reports.pages.PageEscapingTest.HOSTILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregated screen paths: screen keys, counts per transition, expert flags, layout and drawing. */
class PathMapTest {
    static final String P = "/patients";
    static final String PID = "/patients/:id";
    static final String ALG = "/patients/:id/allergies";
    static final String NEW = "/patients/:id/allergies/new";

    static final List<String> EXPERT = List.of("/patients", "/patients/1", "/patients/1/allergies",
            "/patients/1/allergies/new", "/patients/1/allergies");

    /** P1 follows the expert's path (another patient, a reload); P2 searches first; P3 goes back once, then to help. */
    static final List<List<String>> PARTICIPANTS = List.of(
            List.of("/patients", "/patients/2", "/patients/2", "/patients/2/allergies", "/patients/2/allergies/new",
                    "/patients/2/allergies"),
            List.of("/patients", "/search?q=smith", "/patients/3", "/patients/3/allergies", "/patients/3/allergies/new",
                    "/patients/3/allergies"),
            List.of("http://localhost:5123/patients", "/patients/4", "/patients/4/allergies", "/patients/4",
                    "/patients/4/allergies", "/patients/4/allergies/new", "/patients/4/allergies/", "/help"),
            List.of());

    @Test
    void screenKeysReplaceRecordIdsAndDropOriginQueryAndFragment() {
        assertThat(PathMap.screenKey("http://localhost:5123/patients/123/allergies?tab=2")).isEqualTo(ALG);
        assertThat(PathMap.screenKey("/patients/3fa85f64-5717-4562-b3fc-2c963f66afa6/allergies/")).isEqualTo(ALG);
        assertThat(PathMap.screenKey("/orders/507f1f77bcf86cd799439011")).isEqualTo("/orders/:id");
        assertThat(PathMap.screenKey("/clinical/allergies.do?patientId=5")).isEqualTo("/clinical/allergies.do");
        assertThat(PathMap.screenKey("/#/patients/7")).isEqualTo(PID);
        assertThat(PathMap.screenKey("/patients#top")).isEqualTo(P);
        assertThat(PathMap.screenKey("/patients/deadbeef")).isEqualTo("/patients/deadbeef"); // a word, not an id
        assertThat(PathMap.screenKey("https://ehr.example/")).isEqualTo("/");
        assertThat(PathMap.screenKey(" Allergy dialog ")).isEqualTo("Allergy dialog");
        assertThat(PathMap.collapse(List.of("/a/1", "/a/2", "/b", "", "/b/", "/a/3"))).containsExactly("/a/:id", "/b", "/a/:id");
    }

    @Test
    void countsParticipantsPerTransitionAndFlagsTheExpertPath() {
        PathMap m = PathMap.of(EXPERT, PARTICIPANTS);
        assertThat(m.participants()).isEqualTo(4);
        assertThat(m.followedExpertPath()).isEqualTo(1);
        assertThat(m.expertPath()).containsExactly(P, PID, ALG, NEW, ALG);
        assertThat(m.caption()).isEqualTo("4 participants; 1 followed the expert path exactly");
        assertThat(m.nodes()).extracting(PathMap.Node::screen, PathMap.Node::onExpertPath, PathMap.Node::participants)
                .containsExactly(tuple(P, true, 3), tuple(PID, true, 3), tuple(ALG, true, 3), tuple(NEW, true, 3),
                        tuple("/search", false, 1), tuple("/help", false, 1));
        // P3 went from the allergies back to the patient and on again: counted once per participant
        assertThat(m.transitions()).containsExactly(
                new PathMap.Transition(PID, ALG, 3, true),
                new PathMap.Transition(ALG, NEW, 3, true),
                new PathMap.Transition(NEW, ALG, 3, true),
                new PathMap.Transition(P, PID, 2, true),
                new PathMap.Transition(P, "/search", 1, false),
                new PathMap.Transition("/search", PID, 1, false),
                new PathMap.Transition(ALG, PID, 1, false),
                new PathMap.Transition(ALG, "/help", 1, false));
        // drawn off-path first, then the expert's on top
        assertThat(m.edges()).extracting(PathMap.Edge::from, PathMap.Edge::to, PathMap.Edge::participants,
                PathMap.Edge::onExpertPath).containsExactly(
                tuple(P, "/search", 1, false), tuple("/search", PID, 1, false), tuple(ALG, PID, 1, false),
                tuple(ALG, "/help", 1, false), tuple(P, PID, 2, true), tuple(PID, ALG, 3, true),
                tuple(ALG, NEW, 3, true), tuple(NEW, ALG, 3, true));
        assertThat(m.edges()).extracting(PathMap.Edge::strokeWidth).containsExactly(3.0, 3.0, 3.0, 3.0, 4.5, 6.0, 6.0, 6.0);
    }

    @Test
    void boxesSnakeInRowsOfFiveAndEdgesRunBetweenTheirBorders() {
        PathMap m = PathMap.of(EXPERT, PARTICIPANTS);
        // 96 px boxes, 37 px apart, from x = 16; the sixth box starts the second row under the fifth
        assertThat(m.nodes()).extracting(PathMap.Node::x, PathMap.Node::y).containsExactly(tuple(16.0, 60.0),
                tuple(149.0, 60.0), tuple(282.0, 60.0), tuple(415.0, 60.0), tuple(548.0, 60.0), tuple(548.0, 164.0));
        assertThat(m.width()).isEqualTo(660);
        assertThat(m.height()).isEqualTo(60 + 104 + 36 + 40);
        // the patients list → a patient: the next box, no way back: a straight arrow from border to border, the line
        // stopping 1 px into the arrowhead (7 + 4.5 px long for 2 of 3 participants)
        PathMap.Edge straight = m.edges().get(4);
        assertThat(straight.d()).isEqualTo("M112.0 78.0 L138.5 78.0");
        assertThat(straight.arrow()).startsWith("149.0,78.0 ");
        assertThat(straight.labelX()).isEqualTo((112.0 + 149.0) / 2);
        // a transition and its reverse bend apart: the allergies → new form above the row, back below it
        PathMap.Edge there = m.edges().get(6);
        PathMap.Edge back = m.edges().get(7);
        assertThat(there.d()).contains(" Q");
        assertThat(there.labelY()).isLessThan(78);
        assertThat(back.labelY()).isGreaterThan(78);
        assertThat(m.nodes().get(1).label()).extracting(PathMap.Line::text).containsExactly(PID);
        assertThat(m.nodes().get(3).label()).extracting(PathMap.Line::text).containsExactly("/patients/:id", "/allergies/new");
        assertThat(PathMap.label("/patients/:id/allergies/new/confirm", 0)).extracting(PathMap.Line::text)
                .containsExactly("/patients/:id", "…ies/new/confirm");
        assertThat(PathMap.label("a-screen-named-in-many-words", 0)).extracting(PathMap.Line::text)
                .containsExactly("a-screen-named-", "in-many-words");
        // the same paths, the same drawing
        assertThat(PathMap.of(EXPERT, PARTICIPANTS)).isEqualTo(m);
    }

    @Test
    void anExpertTransitionNobodyMadeIsDrawnDashedWithZero() {
        PathMap m = PathMap.of(List.of("/a", "/b", "/c"), List.of(List.of("/a", "/c"), List.of("/a", "/c")));
        assertThat(m.transitions()).containsExactly(new PathMap.Transition("/a", "/c", 2, false),
                new PathMap.Transition("/a", "/b", 0, true), new PathMap.Transition("/b", "/c", 0, true));
        assertThat(m.nodes()).extracting(PathMap.Node::participants).containsExactly(2, 0, 2);
        assertThat(m.followedExpertPath()).isZero();
        String html = Pages.render("chart/pathmap.jte", Map.of("map", m));
        Svg svg = Svg.parse(html);
        assertThat(svg.all("path")).extracting(e -> e.getAttribute("stroke-dasharray")).containsExactly("", "4 3", "4 3");
        assertThat(svg.all("path")).extracting(e -> e.getAttribute("stroke"))
                .containsExactly(PathMap.OTHER_COLOR, PathMap.EXPERT_COLOR, PathMap.EXPERT_COLOR);
    }

    @Test
    void drawsBoxesArrowsAndCounts() {
        PathMap m = PathMap.of(EXPERT, PARTICIPANTS);
        String html = Pages.render("chart/pathmap.jte", Map.of("map", m));
        Svg svg = Svg.parse(html);
        assertThat(svg.title()).isEqualTo("Screen paths: 4 participants; 1 followed the expert path exactly; 6 screens, "
                + "8 transitions");
        assertThat(svg.all("rect")).hasSize(1 + 6);
        assertThat(svg.all("polygon")).hasSize(8);
        assertThat(svg.titles()).contains("/patients/:id → /patients/:id/allergies: 3 of 4 participants (expert path)",
                "/help: reached by 1 of 4 participants",
                "/patients/:id: reached by 3 of 4 participants; on the expert path (step 2)");
        assertThat(html).contains("<figcaption>4 participants; 1 followed the expert path exactly</figcaption>");
    }

    @Test
    void emptyPathsStillDraw() {
        PathMap m = PathMap.of(List.of(), List.of());
        assertThat(m.nodes()).isEmpty();
        assertThat(m.participants()).isZero();
        Svg.parse(Pages.render("chart/pathmap.jte", Map.of("map", m)));
    }

    @Test
    void everyScreenNameIsEscaped() {
        String screen = "/x/" + HOSTILE;
        PathMap m = PathMap.of(List.of("/a", screen), List.of(List.of("/a", screen, "/b")));
        String html = Pages.render("chart/pathmap.jte", Map.of("map", m));
        PageEscapingTest.assertEscaped(html);
        Svg.parse(html);
    }
}
