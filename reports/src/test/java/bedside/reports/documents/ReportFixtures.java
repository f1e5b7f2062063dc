package bedside.reports.documents;

import bedside.reports.analysis.AttemptRow;
import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.StudyAnalysis;
import bedside.reports.analysis.StudyAnalyzer;
import bedside.reports.analysis.SusRow;
import bedside.reports.analysis.TaskWeight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import bedside.reports.run.RunReport;
import java.util.Map;

/**
 * A small two-candidate study for the report pages, with {@code text} put into every field that comes from a suite,
 * a participant, a comment, an observer's note or an import (candidate and task ids, names, the study's title, the
 * participants' details, notes, comments, screens, browser).
 */
public final class ReportFixtures {
    /** A one-pixel JPEG, as a report's evidence shows a session's picture. */
    public static final String PICTURE = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==";
    public static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private ReportFixtures() {
    }

    public static String task(String text) {
        return "find-patient" + text;
    }

    public static StudyAnalysis analysis(String text) {
        List<AttemptRow> rows = new ArrayList<>();
        String t1 = task(text);
        for (int p = 1; p <= 10; p++) {
            String code = "P" + String.format("%02d", p);
            rows.add(new AttemptRow(code, "alpha" + text, t1, p != 3, p != 3 ? 20.0 + p : null, p == 3 ? 2 : p == 5 ? 1 : 0,
                    p == 5 ? 1 : 0, 5 + p % 3, 7, 8 + p % 2, 8, 18.0, 60.0, null));
            rows.add(new AttemptRow(code, "beta", t1, true, 40.0 + p, 1, 0, 4 + p % 2, 7, 14, 10, 25.0, 60.0, null));
            rows.add(new AttemptRow(code, "alpha" + text, "review-results", true, 12.0 + p % 4, 0, 0, 6, 7, 5, 5, 10.0,
                    30.0, null));
            rows.add(new AttemptRow(code, "beta", "review-results", p % 4 != 0, p % 4 != 0 ? 15.0 + p : null, 0, 0, 5, 7,
                    6, 5, 10.0, 30.0, null));
        }
        rows.add(AttemptRow.notScored("P11", "alpha" + text, t1, Exclusion.SYSTEM_ERROR));
        List<SusRow> sus = new ArrayList<>();
        for (int p = 1; p <= 10; p++) {
            sus.add(new SusRow("P" + String.format("%02d", p), "alpha" + text, List.of(4, 2, 4, 1, 4, 2, 5, 2, 4, 2)));
            sus.add(new SusRow("P" + String.format("%02d", p), "beta", List.of(3, 3, 3, 2, 3, 3, 4, 3, 3, 3)));
        }
        return StudyAnalyzer.analyze(rows, sus, List.of(new TaskWeight(t1, 2), new TaskWeight("review-results", 1)),
                new StudyAnalyzer.Options(7, 400));
    }

    public static Provenance provenance(String text, boolean simulated) {
        return new Provenance("s1", "Title" + text, "sha256:abc123", Instant.parse("2026-12-01T09:00:00Z"), simulated,
                NOW, "Scored as the study plan sha256:abc123 says.");
    }

    public static VendorReport vendor(String text, boolean simulated) {
        StudyAnalysis a = analysis(text);
        String t1 = task(text);
        List<VendorReport.Participant> participants = new ArrayList<>();
        for (int p = 1; p <= 10; p++) {
            participants.add(new VendorReport.Participant(p, "GP" + text, p, p + 2, "EMIS" + text, "35-44",
                    p == 2 ? "screen magnifier" + text : null));
        }
        List<VendorReport.TaskText> tasks = List.of(
                new VendorReport.TaskText(t1, "Find the patient" + text, "Find ${patient.name}" + text, 2.0, 60.0, 180.0),
                new VendorReport.TaskText("review-results", "Review results", "Open the latest results.", 1.0, 30.0,
                        120.0));
        List<VendorReport.UseError> errors = List.of(
                new VendorReport.UseError(t1, 3, "slip", 12.5, "/search" + text, "typed in the wrong box" + text,
                        "confusing" + text, "00000000-0000-0000-0000-000000000003", PICTURE),
                new VendorReport.UseError(t1, 5, "critical", 30.0, "/patients/:id", "opened the wrong patient" + text, null,
                        "00000000-0000-0000-0000-000000000005"));
        List<VendorReport.Press> presses = List.of(
                new VendorReport.Press("/search" + text, 100, 200, 1280, 800, false, "button Search" + text),
                new VendorReport.Press("/search" + text, 640, 500, 1280, 800, true, "div" + text));
        List<List<String>> paths = new ArrayList<>();
        for (int p = 1; p <= 10; p++) {
            paths.add(p == 3 ? List.of("/home", "/search" + text, "/help", "/search" + text, "/patients/:id")
                    : List.of("/home", "/search" + text, "/patients/:id"));
        }
        VendorReport.Paths ways = new VendorReport.Paths(List.of("/home", "/search" + text, "/patients/:id"), paths,
                presses, List.of(presses.get(0)));
        List<VendorReport.TaskEvidence> evidence = List.of(
                new VendorReport.TaskEvidence(t1, 9, 8, 1, 1, 3, 0.12, ways),
                new VendorReport.TaskEvidence("review-results", 10, 10, 0, 0, 0, 0.0,
                        new VendorReport.Paths(List.of("/home"), List.of(List.of("/home")), List.of(), List.of())));
        return new VendorReport(provenance(text, simulated), a.design(), new Candidate("alpha" + text, "Alpha EHR" + text,
                "Alpha Health" + text), a.candidates().get(0), participants, tasks,
                new VendorReport.Environment("clinical-core" + text, "1.2", "sha256:suite",
                        List.of("Alpha EHR" + text + " 4.2.1"), null, List.of("Chrome 156 (headless)" + text),
                        List.of("1280 × 800"), Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-03T17:00:00Z"),
                        10, "a balanced Latin square (Williams design) over participants"),
                errors, evidence, accessibility(text),
                Map.of("00000000-0000-0000-0000-000000000005", "../../attempts/00000000-0000-0000-0000-000000000005/replay" + text));
    }

    /**
     * An audit of three screens: the search screen twice (the later audit, without its contrast fault, stands), one
     * screen clean, one with a keyboard fault.
     */
    public static Accessibility accessibility(String text) {
        String search = "/patient/search.do" + text;
        Function<String[], RunReport.Fault> fault = f -> new RunReport.Fault("alpha" + text, f[0], f[1], "Help" + text,
                "https://dequeuniversity.com/rules/axe/4.10/" + f[1], List.of(f[2].split(",")), f[3], f[4] + text,
                "<input name=\"forename\" value=\"•••\">" + text, "register-patient", "3");
        return Accessibility.latest(List.of(
                new Accessibility.ScreenAudit(search, "register-patient", "3", null, List.of(
                        fault.apply(new String[] {"serious", "color-contrast", "1.4.3", search, ".ptbar"}))),
                new Accessibility.ScreenAudit("/main.do", "record-allergy", "start", null, List.of()),
                new Accessibility.ScreenAudit(search, "register-patient", "3", PICTURE, List.of(
                        fault.apply(new String[] {"critical", "label", "4.1.2,1.3.1", search, "#forename"}),
                        fault.apply(new String[] {"critical", "label", "4.1.2,1.3.1", search, "#forename"}))),
                new Accessibility.ScreenAudit("/notices.do", "record-allergy", "1", PICTURE, List.of(
                        fault.apply(new String[] {"serious", "scrollable-region-focusable", "2.1.1,2.1.3", "/notices.do",
                                ".notices"})))));
    }

    public static BoardReport board(String text, boolean intact) {
        StudyAnalysis a = analysis(text);
        List<Candidate> candidates = List.of(new Candidate("alpha" + text, "Alpha EHR" + text, "Alpha Health" + text),
                new Candidate("beta", "Beta Records", "Beta Ltd"));
        return new BoardReport(provenance(text, false), a, candidates,
                List.of(new BoardReport.CriticalError("alpha" + text, task(text), "marked by the observer",
                        "opened the wrong patient" + text, "00000000-0000-0000-0000-000000000005")),
                new BoardReport.ChainCheck(intact, NOW, 1234, intact ? null : "first altered row: attempts 42" + text),
                Map.of("alpha" + text, "alpha.html", "beta", "beta.html"),
                Map.of("alpha" + text, accessibility(text), "beta", Accessibility.NONE));
    }
}
