package bedside.harness.cli;

import bedside.harness.run.AttemptResult;
import bedside.reports.analysis.Exclusion;
import bedside.reports.analysis.NotApplicableRow;
import bedside.results.AttemptRecord;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The short summary table a run prints at its end. */
final class Tables {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private Tables() {}

    private static String accessibilityMessage(String json) {
        try {
            return JSON.readTree(json).path("message").asText("a finding");
        } catch (java.io.IOException e) {
            return "a finding";
        }
    }

    static void printAttempts(PrintStream out, List<AttemptResult> attempts) {
        printAttempts(out, attempts, List.of());
    }

    /** The attempts, then a row "n/a" for each task not attempted on a candidate because it does not apply to it. */
    static void printAttempts(PrintStream out, List<AttemptResult> attempts, List<NotApplicableRow> notApplicable) {
        String format = "%-12s %-24s %-18s %9s %7s %10s %8s %8s%n";
        out.printf(Locale.ROOT, format, "CANDIDATE", "TASK", "OUTCOME", "TIME (s)", "CLICKS", "KEYSTROKES", "SCREENS", "KLM (s)");
        for (AttemptResult r : attempts) {
            AttemptRecord a = r.attempt();
            out.printf(Locale.ROOT, format, a.candidate(), a.task() + (a.attemptNo() > 1 ? " #" + a.attemptNo() : ""),
                    a.outcome().code(), String.format(Locale.ROOT, "%.2f", a.timeMs() / 1000.0), a.clicks(), a.keystrokes(),
                    a.screens(), String.format(Locale.ROOT, "%.1f", a.klmMs() / 1000.0));
        }
        for (NotApplicableRow na : notApplicable) {
            out.printf(Locale.ROOT, format, na.candidate(), na.task(), "n/a", "-", "-", "-", "-", "-");
        }
        for (AttemptResult r : attempts) {
            AttemptRecord a = r.attempt();
            if (a.reason() != null && !a.reason().isBlank()) {
                out.println("  " + a.candidate() + " / " + a.task() + ": " + a.reason());
            }
        }
        for (NotApplicableRow na : notApplicable) {
            out.println("  " + na.candidate() + " / " + na.task() + ": not applicable: " + na.reason());
        }
        // What the steps found about the candidate's accessibility on the way (a label not linked to its field), once.
        java.util.Set<String> findings = new java.util.LinkedHashSet<>();
        for (AttemptResult r : attempts) {
            for (bedside.results.EventRecord e : r.events()) {
                if (e.type().equals("accessibility")) {
                    findings.add("  " + r.attempt().candidate() + " / " + r.attempt().task() + ": accessibility: "
                            + accessibilityMessage(e.json()));
                }
            }
        }
        findings.forEach(out::println);
        // Said per candidate, as the study pages and /scores say it: these never count for or against it.
        java.util.Map<String, List<Exclusion>> excluded = new java.util.LinkedHashMap<>();
        for (AttemptResult r : attempts) {
            Exclusion e = Exclusion.ofOutcome(r.attempt().outcome().code()).orElse(null);
            if (e != null) {
                excluded.computeIfAbsent(r.attempt().candidate(), k -> new java.util.ArrayList<>()).add(e);
            }
        }
        excluded.forEach((candidate, list) -> out.println(candidate + ": " + Exclusion.summary(list)
                + " (not counted for or against the candidate)"));
    }

    /**
     * The board's result in a few lines: per candidate the locked plan's composite with its 95 % interval, P(best) and
     * n, best first; then whether the intervals separate the first two (never a ranking by point estimate alone).
     */
    static void printBoard(PrintStream out, bedside.reports.analysis.StudyAnalysis a, String planHash) {
        out.println((a.simulated() ? "SIMULATED PANEL — not a real study. " : "") + "The board's result, scored as the "
                + "locked plan " + planHash + " says:");
        String format = "  %-14s %9s  %-16s %7s %4s%n";
        out.printf(Locale.ROOT, format, "CANDIDATE", "COMPOSITE", "95% INTERVAL", "P(BEST)", "n");
        List<bedside.reports.analysis.StudyAnalysis.CandidateAnalysis> ranked = a.candidates().stream()
                .filter(c -> c.composite().score() != null)
                .sorted(java.util.Comparator.comparingDouble(
                        (bedside.reports.analysis.StudyAnalysis.CandidateAnalysis c) -> c.composite().score()).reversed())
                .toList();
        for (var c : ranked) {
            var ci = c.composite().ci95();
            out.printf(Locale.ROOT, format, c.candidate(), String.format(Locale.ROOT, "%.1f", c.composite().score()),
                    ci == null ? "-" : String.format(Locale.ROOT, "[%.1f, %.1f]", ci.lo(), ci.hi()),
                    c.composite().pBest() == null ? "-" : String.format(Locale.ROOT, "%.3f", c.composite().pBest()),
                    c.participants());
        }
        if (ranked.size() >= 2) {
            var first = ranked.get(0);
            var second = ranked.get(1);
            var a1 = first.composite().ci95();
            var a2 = second.composite().ci95();
            if (a1 != null && a2 != null && a1.lo() > a2.hi()) {
                out.println("  " + first.candidate() + " ranks first: its interval lies above " + second.candidate()
                        + "'s.");
            } else {
                out.println("  Difference not shown: the intervals of " + first.candidate() + " and " + second.candidate()
                        + " overlap.");
            }
        }
    }
}
