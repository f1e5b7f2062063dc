package bedside.reports.documents;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.pages.Fmt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The vendor's report and the board's page: every section there, the figures those of the analysis, what comes from
 * data escaped wherever it lands (string level; ReportPagesIT loads them in Chromium), no participant code anywhere.
 */
class DocumentsTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String QUOTES = "\" onmouseover=\"x";
    static final String IMG = "<img src=x onerror=alert(2)>";
    static final String HOSTILE = SCRIPT + QUOTES + IMG;

    static void assertEscaped(String html) {
        assertThat(html).doesNotContain(SCRIPT).doesNotContain(QUOTES).doesNotContain("<script").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theVendorReportHasEveryNistirSectionWithTheAnalysisFigures() {
        VendorReport r = ReportFixtures.vendor("", false);
        String html = r.render();
        assertThat(html).contains("1. Executive summary", "Main findings", "2. Method", "<h3>Participants</h3>",
                "<h3>Tasks</h3>", "<h3>Procedure</h3>", "<h3>Environment</h3>", "3. Results per task",
                "4. System Usability Scale", "5. Use errors", "6. Paths and clicks", "7. Accessibility of the screens reached",
                "8. What the data does not show",
                "sha256:abc123", "Alpha EHR 4.2.1", "Chrome 156 (headless)", "1280 × 800", "balanced Latin square");
        CandidateAnalysis a = r.analysis();
        var t = a.tasks().stream().filter(x -> x.task().equals("find-patient")).findFirst().orElseThrow();
        assertThat(html).contains("<td>find-patient</td><td>10</td><td>90 %</td><td>" + Fmt.ci(t.completion().ci95(), 0, 100)
                + "</td><td>8 / 1</td><td>1</td>");
        assertThat(html).contains(Fmt.f(t.time().geomean(), 1), Fmt.ci(t.time().geomeanCi95(), 1, 1),
                "SUS " + Fmt.f(a.sus().mean(), 1), "grade <b>" + a.sus().grade() + "</b>",
                "about the " + Fmt.ordinal(a.sus().percentile()) + " percentile of published studies");
        assertThat(html).doesNotContainPattern("[^1][123]th percentile").doesNotContainPattern("\\b[123]th percentile");
        // no study code of a participant: they are numbered within the report
        assertThat(html).doesNotContain("P01", "P03", "P11");
        assertThat(html).contains("<a href=\"../../attempts/00000000-0000-0000-0000-000000000005/replay\" title=\"Replay of the attempt\">")
                .contains("id=\"error-00000000-0000-0000-0000-000000000005\" class=\"critical\"")
                .contains("<img class=\"evidence\" src=\"" + ReportFixtures.PICTURE + "\"");
        assertThat(r.findings()).anySatisfy(f -> assertThat(f).startsWith("1 critical use error at find-patient"));
        assertThat(r.limits()).anySatisfy(f -> assertThat(f).startsWith("That review-results never fails: all 10"));
    }

    @Test
    void aScreenshotIsOnlyEverAnImage() {
        for (String bad : List.of("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                "data:image/jpeg;base64,AAAA\" onerror=\"alert(1)")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VendorReport.UseError("t", 1, "slip", null, null,
                    null, null, "a", bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theVendorReportEscapesEveryFieldFromData() {
        String html = ReportFixtures.vendor(HOSTILE, true).render();
        assertEscaped(html);
        assertThat(html).contains("banner simulated", "GP&lt;script&gt;", "typed in the wrong box&lt;script&gt;",
                "confusing&lt;script&gt;", "Find the patient&lt;script&gt;", "Alpha EHR&lt;script&gt;",
                "Chrome 156 (headless)&lt;script&gt;", "/search&lt;script&gt;", "Title&lt;script&gt;",
                        "/patient/search.do&lt;script&gt;", "Help&lt;script&gt;", "#forename&lt;script&gt;")
                .contains("every participant in this study is simulated");
    }

    @Test
    void theBoardPageRanksWithIntervalsAndSaysWhereNoDifferenceIsShown() {
        BoardReport r = ReportFixtures.board("", true);
        String html = r.render();
        assertThat(html).contains("1. Ranking by the plan's composite", "2. Task by task", "3. Critical use errors",
                "4. If the weights were different", "5. Is the sample enough?", "intact: 1234 records checked",
                "sha256:abc123", "href=\"alpha.html#error-00000000-0000-0000-0000-000000000005\"");
        List<BoardReport.Place> ranking = r.ranking();
        assertThat(ranking).hasSize(2);
        assertThat(ranking.get(0).candidate().composite().score())
                .isGreaterThanOrEqualTo(ranking.get(1).candidate().composite().score());
        var first = ranking.get(0).candidate().composite();
        var second = ranking.get(1).candidate().composite();
        boolean overlap = first.ci95().lo() <= second.ci95().hi() && second.ci95().lo() <= first.ci95().hi();
        assertThat(ranking.get(0).againstNext()).contains(overlap ? "not shown" : "intervals do not overlap");
        assertThat(html).contains("<td class=\"n\">" + Fmt.f(first.score(), 1) + "</td><td class=\"n\">"
                + Fmt.ci(first.ci95(), 1, 1) + "</td>");
        assertThat(r.comparisonsOf("find-patient")).isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern("difference (not )?shown \\(.*Holm-adjusted p [=<] "));
        // the composite's parts, so that a board sees what decided it
        var t = first.score() >= second.score() ? ranking.get(0).candidate().tasks().get(0) : null;
        assertThat(html).contains("What each composite is made of", "<td class=\"n\">" + Fmt.f(t.sum().completion(), 1)
                + "</td><td class=\"n\">" + Fmt.f(t.sum().time(), 1) + "</td>");
        assertThat(ranking).extracting(BoardReport.Place::rank).containsExactly(overlap ? "=1" : "1", overlap ? "=1" : "2");
        assertThat(html).doesNotContain("P01", "P03");
    }

    @Test
    void theAccessibilityAuditShowsEachScreenAsItsLatestAuditFoundItByImpactAndCriterion() {
        Accessibility a = ReportFixtures.accessibility("");
        // the search screen's later audit stands: its contrast fault was fixed; the label fault is there once
        assertThat(a.screens()).extracting(Accessibility.ScreenAudit::screen)
                .containsExactly("/patient/search.do", "/main.do", "/notices.do");
        assertThat(a.faults()).extracting(f -> f.rule() + " " + f.screen()).containsExactly(
                "label /patient/search.do", "scrollable-region-focusable /notices.do");
        assertThat(a.clean()).isEqualTo(1);
        assertThat(a.byImpact()).containsExactly(Map.entry("critical", 1L), Map.entry("serious", 1L),
                Map.entry("moderate", 0L), Map.entry("minor", 0L));
        // a rule testing two criteria counts under each; the gravest criterion first, then WCAG's order. An audit at A
        // and AA claims no AAA criterion: scrollable-region-focusable (tagged 2.1.1 and 2.1.3, AAA) fails 2.1.1 only
        assertThat(a.byCriterion()).extracting(Accessibility.CriterionRow::criterion)
                .containsExactly("1.3.1", "4.1.2", "2.1.1");
        assertThat(a.byCriterion().get(1).name()).isEqualTo("Name, Role, Value, A");
        assertThat(a.byCriterion().get(2).name()).isEqualTo("Keyboard, A");
        assertThat(a.criteriaFailed()).containsExactly("1.3.1", "2.1.1", "4.1.2");
        assertThat(Wcag.atAOrAa(List.of("2.1.1", "2.1.3"))).containsExactly("2.1.1");
        assertThat(Wcag.atAOrAa(List.of("2.5.5"))).containsExactly("2.5.5"); // nothing else named: kept
        assertThat(a.worstScreens(5)).extracting(Accessibility.ScreenAudit::screen)
                .containsExactly("/patient/search.do", "/notices.do");

        String html = ReportFixtures.vendor("", false).render();
        assertThat(html).contains("<tr><th>Screens audited</th><td>3, 1 without a fault</td></tr>",
                "<span class=\"impact impact-critical\">1 critical</span>", "1.3.1, 2.1.1, 4.1.2",
                "<td>4.1.2</td><td>Name, Role, Value, A</td><td>1</td><td>0</td><td>0</td><td>0</td>",
                "<a href=\"#a11y-picture-1\">the screen as audited</a>",
                "<figure id=\"a11y-picture-1\" class=\"a11y-picture\"><img class=\"evidence\" src=\"" + ReportFixtures.PICTURE,
                "href=\"https://dequeuniversity.com/rules/axe/4.10/label\"")
                .doesNotContain("color-contrast");
        String none = new VendorReport(ReportFixtures.vendor("", false).provenance(), null,
                ReportFixtures.vendor("", false).candidate(), null, List.of(), List.of(),
                ReportFixtures.vendor("", false).environment(), List.of(), List.of(), Accessibility.NONE, Map.of()).render();
        assertThat(none).contains("were not audited for accessibility in this study");

        String board = ReportFixtures.board("", true).render();
        assertThat(board).contains("Accessibility of the screens reached", "Accessibility faults by impact",
                "<tr><td>Alpha EHR</td><td>3</td><td>1</td><td>1</td><td>1</td><td>0</td><td>0</td><td>1.3.1, 2.1.1, 4.1.2</td></tr>",
                "<tr><td>Beta Records</td><td colspan=\"7\">not audited in this study</td></tr>");
        assertThat(ReportFixtures.board("", true).accessibilityChart().bars()).hasSize(4);
    }

    @Test
    void anAuditPictureIsOnlyEverAnImage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Accessibility.ScreenAudit("/", "t", "1",
                "data:text/html;base64,PHNjcmlwdD4=", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScreenSaysHowItWasReachedAPathsByItsStepAParticipantsByItsTime() {
        assertThat(Accessibility.reached("record-allergy", "start")).isEqualTo("record-allergy, at its start");
        assertThat(Accessibility.reached("record-allergy", "3")).isEqualTo("record-allergy, after step 3");
        assertThat(Accessibility.reached("record-allergy", Accessibility.PARTICIPANT + "12.3 s"))
                .isEqualTo("record-allergy, by a participant at 12.3 s");
    }

    @Test
    void theSessionsLineGivesARangeOnlyWhenThereIsOne() {
        VendorReport r = ReportFixtures.vendor("", false);
        assertThat(r.render()).contains("<dt>Sessions</dt><dd>10, 2026-12-02 09:00:00 UTC to 2026-12-03 17:00:00 UTC</dd>");
        var e = r.environment();
        VendorReport one = new VendorReport(r.provenance(), r.design(), r.candidate(), r.analysis(), r.participants(),
                r.tasks(), new VendorReport.Environment(e.suite(), e.suiteVersion(), e.suiteHash(), e.candidateVersions(),
                e.candidateVersionProblem(), e.browsers(), e.viewports(), e.firstSession(), e.firstSession(), 1, e.order()),
                r.useErrors(), r.evidence(), r.accessibility(), r.replays());
        assertThat(one.render()).contains("<dt>Sessions</dt><dd>1, 2026-12-02 09:00:00 UTC</dd>");
    }

    @Test
    void theBoardPageSaysWhenTheChainIsBrokenAndEscapes() {
        String html = ReportFixtures.board(HOSTILE, false).render();
        assertEscaped(html);
        assertThat(html).contains("<b>NOT INTACT</b>", "first altered row: attempts 42&lt;script&gt;",
                "opened the wrong patient&lt;script&gt;", "Alpha EHR&lt;script&gt;");
    }
}
