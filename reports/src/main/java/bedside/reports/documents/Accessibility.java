package bedside.reports.documents;

import bedside.reports.run.RunReport.Fault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the accessibility audit of a candidate's scripted paths found ({@code bedside run --a11y}; on in the demo), and of
 * its participants' sessions where the study audits them (planned with {@code --audit-sessions}: the screens rebuilt
 * from each attempt's replay, detours included): the screens reached, each audited against WCAG 2.2 levels A and AA by
 * axe-core, and every fault — one rule failed by one element on one screen, however many attempts reached it. A screen
 * audited again later (a later run, the vendor's fix) is shown as its latest audit found it, so a fault fixed since is
 * gone.
 *
 * <p>axe-core tests part of WCAG (roughly a third to a half of the criteria can be checked automatically): a screen
 * without a fault here is not a conformance claim.
 *
 * @param screens each screen's latest audit, in the order the screens were first reached
 */
public record Accessibility(List<ScreenAudit> screens) {
    public static final Accessibility NONE = new Accessibility(List.of());

    /**
     * How a session's screen says where it was reached ({@code participant at 12.3 s}: the time into the task at which
     * it came), instead of a path's step number. No participant's code: vendors read this.
     */
    public static final String PARTICIPANT = "participant at ";

    /** axe-core's impacts, the gravest first. */
    public static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

    /**
     * One screen's audit.
     *
     * @param task    the task whose path reached the screen
     * @param step    the step after which it was reached ("start" before the first), or for a session's screen
     *                {@link #PARTICIPANT} and when
     * @param picture the screen as it was audited, its failing elements outlined, as a {@code data:image/…;base64,}
     *                address; null when none was taken (a clean screen is not pictured)
     * @param faults  what failed on it
     */
    public record ScreenAudit(String screen, String task, String step, String picture, List<Fault> faults) {
        public ScreenAudit {
            if (picture != null && !VendorReport.UseError.SCREENSHOT.matcher(picture).matches()) {
                throw new IllegalArgumentException("a screen's picture is a base64 JPEG or PNG data address");
            }
            faults = List.copyOf(faults);
        }

        /** Faults of the two gravest impacts: those that stop someone using the screen. */
        public long grave() {
            return faults.stream().filter(f -> f.impact().equals("critical") || f.impact().equals("serious")).count();
        }

        public long ofImpact(String impact) {
            return faults.stream().filter(f -> f.impact().equals(impact)).count();
        }
    }

    /**
     * Audits in the order they were made: each screen as its last audit found it, its faults one per rule × element.
     */
    public static Accessibility latest(List<ScreenAudit> audits) {
        Map<String, ScreenAudit> byScreen = new LinkedHashMap<>();
        for (ScreenAudit a : audits) {
            Map<String, Fault> once = new LinkedHashMap<>();
            a.faults().forEach(f -> once.putIfAbsent(f.rule() + "\u0000" + f.selector(), f));
            ScreenAudit deduplicated = new ScreenAudit(a.screen(), a.task(), a.step(), a.picture(), List.copyOf(once.values()));
            if (byScreen.containsKey(a.screen())) {
                byScreen.replace(a.screen(), deduplicated); // keeps the place the screen was first reached
            } else {
                byScreen.put(a.screen(), deduplicated);
            }
        }
        return new Accessibility(List.copyOf(byScreen.values()));
    }

    /** How a path reached a screen, as a reader says it: "record-allergy, after step 1.2" or "…, at its start". */
    public static String reached(String task, String step) {
        if (step != null && step.startsWith(PARTICIPANT)) {
            return task + ", by a " + step; // a session's screen, rebuilt from its replay: "…, by a participant at 12.3 s"
        }
        return task + (step == null || step.isEmpty() || step.equals("start") ? ", at its start" : ", after step " + step);
    }

    public boolean audited() {
        return !screens.isEmpty();
    }

    /** Every fault, the gravest first, then by rule and screen. */
    public List<Fault> faults() {
        return screens.stream().flatMap(s -> s.faults().stream())
                .sorted(Comparator.comparingInt((Fault f) -> rank(f.impact())).thenComparing(Fault::rule)
                        .thenComparing(Fault::screen))
                .toList();
    }

    /** Screens without a fault. */
    public long clean() {
        return screens.stream().filter(s -> s.faults().isEmpty()).count();
    }

    /** How many faults of each impact, gravest first (every impact named, zeros included; "unknown" only when seen). */
    public Map<String, Long> byImpact() {
        Map<String, Long> out = new LinkedHashMap<>();
        IMPACTS.forEach(i -> out.put(i, 0L));
        faults().forEach(f -> out.merge(IMPACTS.contains(f.impact()) ? f.impact() : "unknown", 1L, Long::sum));
        return out;
    }

    /**
     * A WCAG success criterion and the faults against it by impact.
     *
     * @param criterion e.g. 1.4.3, or "—" for a rule that names no criterion
     * @param name      its name and level, e.g. "Contrast (Minimum), AA"
     * @param byImpact  faults per impact, gravest first
     * @param screens   the screens where it fails
     */
    public record CriterionRow(String criterion, String name, Map<String, Long> byImpact, long total, List<String> screens) {
    }

    /** The criteria that fail, the one with the gravest faults first. A fault of a rule testing two criteria counts under each. */
    public List<CriterionRow> byCriterion() {
        Map<String, List<Fault>> of = new LinkedHashMap<>();
        for (Fault f : faults()) {
            (f.criteria().isEmpty() ? List.of("—") : f.criteria())
                    .forEach(c -> of.computeIfAbsent(c, k -> new ArrayList<>()).add(f));
        }
        List<CriterionRow> rows = new ArrayList<>();
        of.forEach((c, faults) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            IMPACTS.forEach(i -> counts.put(i, faults.stream().filter(f -> f.impact().equals(i)).count()));
            rows.add(new CriterionRow(c, Wcag.name(c), counts, faults.size(),
                    faults.stream().map(Fault::screen).distinct().toList()));
        });
        Comparator<CriterionRow> gravest = Comparator.comparing(r -> IMPACTS.stream().map(i -> -r.byImpact().get(i))
                .toList(), Accessibility::lexicographic);
        rows.sort(gravest.thenComparing(CriterionRow::criterion, Wcag::compare));
        return rows;
    }

    /** The screens with faults, those with the most critical and serious ones first (at most {@code n}). */
    public List<ScreenAudit> worstScreens(int n) {
        return screens.stream().filter(s -> !s.faults().isEmpty())
                .sorted(Comparator.comparingLong(ScreenAudit::grave).reversed()
                        .thenComparing(Comparator.comparingLong((ScreenAudit s) -> s.ofImpact("critical")).reversed())
                        .thenComparing(Comparator.comparingInt((ScreenAudit s) -> s.faults().size()).reversed()))
                .limit(n).collect(Collectors.toList());
    }

    /** The criteria failed, in WCAG's order. */
    public List<String> criteriaFailed() {
        return byCriterion().stream().map(CriterionRow::criterion).filter(c -> !c.equals("—")).sorted(Wcag::compare)
                .toList();
    }

    private static int rank(String impact) {
        int i = IMPACTS.indexOf(impact);
        return i < 0 ? IMPACTS.size() : i;
    }

    private static int lexicographic(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }
}
