package bedside.reports.documents;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.pages.Pages;
import java.time.Instant;
import java.util.List;

/**
 * The report a vendor receives about its own candidate, in the structure of NISTIR 7742 / ISO/IEC 25062 (the Common
 * Industry Format): executive summary, method (participants, tasks, procedure, environment), results per task with
 * their intervals, SUS, use errors with their evidence, the ways participants took through each task, and what the
 * data does not show. Its per-task figures are those ONC's Certified Health IT Product List keeps for
 * 170.315(g)(3). The page is {@code report/vendor.jte}.
 *
 * <p>No participant's study code appears: participants are numbered 1…n within the report (the order of their
 * codes), so a report can be passed on without the key that links it to a session.
 *
 * @param analysis     the candidate's scores as the plan says, or null when nothing of it is stored yet
 * @param participants the participants whose attempts count, numbered
 * @param tasks        the tasks as the participants read them, in the plan's order
 * @param useErrors    every use error with its evidence, by task
 * @param evidence     per task: how the successes came about and the ways taken
 * @param accessibility what the accessibility audit of the scripted paths' screens found ({@link Accessibility#NONE}
 *                     when none was made)
 * @param replays      where the replay of a use error's attempt is, by attempt id, relative to this page: only for a
 *                     page the results server serves (a report written to a file cannot reach the replays) and only
 *                     for attempts with a stored replay
 */
public record VendorReport(Provenance provenance, String design, Candidate candidate, CandidateAnalysis analysis,
                           List<Participant> participants, List<TaskText> tasks, Environment environment,
                           List<UseError> useErrors, List<TaskEvidence> evidence, Accessibility accessibility,
                           java.util.Map<String, String> replays) {
    public VendorReport {
        replays = java.util.Map.copyOf(replays);
    }


    /**
     * A participant as the session panel took their details (nothing else is asked).
     *
     * @param number the participant's number within this report
     */
    public record Participant(int number, String role, Integer yearsInRole, Integer ehrExperienceYears,
                              String ehrSystemsUsed, String ageBand, String assistiveTechnology) {
    }

    /**
     * A task as participants were given it.
     *
     * @param instruction the instruction as participants read it (the suite's data set filled in); for a suite
     *                    version stored before Bedside kept that, the suite's template with its {@code ${parameters}}
     * @param weight      the plan's weight, or null without a plan
     * @param timeSpecSeconds the time specification the SUM's time component is measured against, or null
     * @param timeLimitSeconds when a task is stopped and scored as a failure, or null without a plan
     */
    public record TaskText(String id, String title, String instruction, Double weight, Double timeSpecSeconds,
                           Double timeLimitSeconds) {
        /** Whether the text is still the suite's template, with {@code ${parameters}} unfilled. */
        public boolean template() {
            return instruction != null && instruction.contains("${");
        }
    }

    /**
     * Where the sessions ran.
     *
     * @param candidateVersions the software and version the candidate named (its FHIR CapabilityStatement) when the
     *                  attempts ended, most frequent first, each with its count when more than one was seen
     * @param candidateVersionProblem why the candidate's version is not known, when no attempt recorded one
     * @param browsers  the browsers the recorder saw (user agents' product tokens), most frequent first
     * @param viewports the window sizes participants worked in (CSS pixels), most frequent first
     * @param sessions  sessions whose attempts count
     * @param order     how the order of candidates and tasks was set (e.g. "balanced Latin square")
     */
    public record Environment(String suite, String suiteVersion, String suiteHash, List<String> candidateVersions,
                              String candidateVersionProblem, List<String> browsers,
                              List<String> viewports, Instant firstSession, Instant lastSession, int sessions,
                              String order) {
    }

    /**
     * One use error with what shows it.
     *
     * @param kind      slip, mistake or critical (marked by the observer), or "critical (found by the checks)"
     * @param participant the participant's number in this report
     * @param atSeconds when in the attempt, or null when not marked at a moment
     * @param screen    the screen the participant was on then, or null
     * @param note      the observer's note, or null
     * @param comment   the participant's comment on the task (after the SEQ), or null
     * @param attemptId the attempt, to look up its recorded events
     * @param screenshot the window as the participant saw it when the observer marked the error (or, for one found by
     *                   the checks, the window the attempt ended on), as a {@code data:image/…;base64,} address, or null
     *                   when none was taken
     */
    public record UseError(String task, int participant, String kind, Double atSeconds, String screen, String note,
                           String comment, String attemptId, String screenshot) {
        public UseError {
            if (screenshot != null && !SCREENSHOT.matcher(screenshot).matches()) {
                throw new IllegalArgumentException("a screenshot is a base64 JPEG or PNG data address");
            }
        }

        /** Without a screenshot. */
        public UseError(String task, int participant, String kind, Double atSeconds, String screen, String note,
                        String comment, String attemptId) {
            this(task, participant, kind, atSeconds, screen, note, comment, attemptId, null);
        }

        public static final java.util.regex.Pattern SCREENSHOT = bedside.reports.pages.Pages.IMAGE;

        public boolean critical() {
            return kind.startsWith("critical");
        }
    }

    /**
     * How one task's attempts went beyond the scores.
     *
     * @param successes successful attempts counted
     * @param direct    successes without leaving the expert path's screens
     * @param indirect  successes after a detour
     * @param assists   attempts in which the moderator had to help (each scored as a failure)
     * @param misclicks presses on nothing actionable or that changed nothing, over all attempts
     * @param lostness  mean lostness (Smith 1996) over attempts with one, or null
     * @param paths     the ways taken, against the expert path
     */
    public record TaskEvidence(String task, int successes, int direct, int indirect, int assists, int misclicks,
                               Double lostness, Paths paths) {
    }

    /**
     * The screens of the expert path and of each counted attempt, in the order visited, with the presses on each.
     */
    public record Paths(List<String> expert, List<List<String>> participants, List<Press> presses,
                        List<Press> expertPresses, List<ScreenView> views) {
        public Paths(List<String> expert, List<List<String>> participants, List<Press> presses,
                     List<Press> expertPresses) {
            this(expert, participants, presses, expertPresses, List.of());
        }
    }

    /**
     * A screen as an accessibility audit pictured it, shown and nothing marked (a participant's screen rebuilt from the
     * attempt's replay as it stood before they acted on it, or the expert path's): the background of the click maps of
     * that screen in that viewport.
     *
     * @param image a base64 JPEG or PNG data address of exactly the viewport
     */
    public record ScreenView(String screen, int viewportWidth, int viewportHeight, String image) {
    }

    /** A press during the task, in viewport CSS pixels. */
    public record Press(String screen, double x, double y, int viewportWidth, int viewportHeight, boolean misclick,
                        String target) {
    }

    /** The task's ways as a map of screens, the expert path's drawn apart. */
    public static bedside.reports.pages.PathMap pathMap(TaskEvidence e) {
        return bedside.reports.pages.PathMap.of(e.paths().expert(), e.paths().participants());
    }

    /**
     * Where participants pressed on the task's {@value #CLOUDS} most pressed screens, the expert path's presses ringed
     * when it ran in the same window size (in another, the screen is laid out otherwise: its presses would land on
     * other things, so they are left out and the caption says so), drawn on the screen itself when a picture of it in
     * that window size is known.
     */
    public static List<bedside.reports.pages.ClickCloud> clickClouds(TaskEvidence e) {
        java.util.function.Function<Press, String> screen = p -> bedside.reports.pages.PathMap.screenKey(p.screen());
        java.util.Map<String, List<Press>> byScreen = e.paths().presses().stream()
                .collect(java.util.stream.Collectors.groupingBy(screen, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
        return byScreen.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, List<Press>>comparingByValue(
                        java.util.Comparator.comparingInt(List::size)).reversed())
                .limit(CLOUDS)
                .map(x -> {
                    Press first = x.getValue().get(0);
                    List<Press> expert = e.paths().expertPresses().stream()
                            .filter(p -> screen.apply(p).equals(x.getKey())).toList();
                    List<Press> expertHere = expert.stream().filter(p -> p.viewportWidth() == first.viewportWidth()
                            && p.viewportHeight() == first.viewportHeight()).toList();
                    bedside.reports.pages.ClickCloud cloud = bedside.reports.pages.ClickCloud.of(x.getKey(),
                            first.viewportWidth(), first.viewportHeight(),
                            x.getValue().stream().map(VendorReport::click).toList(),
                            expertHere.stream().map(VendorReport::click).toList());
                    // only a picture in the clicks' own viewport: in another, the screen is laid out otherwise
                    var view = e.paths().views().stream()
                            .filter(v -> bedside.reports.pages.PathMap.screenKey(v.screen()).equals(x.getKey())
                                    && v.viewportWidth() == first.viewportWidth()
                                    && v.viewportHeight() == first.viewportHeight())
                            .findFirst();
                    if (view.isPresent()) {
                        cloud = cloud.over(view.get().image(), "the screen as first shown");
                    }
                    if (expertHere.size() < expert.size()) {
                        Press other = expert.stream().filter(p -> !expertHere.contains(p)).findFirst().orElseThrow();
                        cloud = cloud.noting("the expert path is not ringed: it ran in a " + other.viewportWidth()
                                + " × " + other.viewportHeight() + " window");
                    }
                    return cloud;
                }).toList();
    }

    static final int CLOUDS = 3;

    private static bedside.reports.pages.ClickCloud.Click click(Press p) {
        return new bedside.reports.pages.ClickCloud.Click(p.x(), p.y(), p.target(), p.misclick());
    }

    /** The task's analysis, or null when it has none (n/a, or nothing scored). */
    public TaskAnalysis analysisOf(String task) {
        return analysis == null ? null
                : analysis.tasks().stream().filter(t -> t.task().equals(task)).findFirst().orElse(null);
    }

    /** The task's evidence, or null. */
    public TaskEvidence evidenceOf(String task) {
        return evidence.stream().filter(e -> e.task().equals(task)).findFirst().orElse(null);
    }

    public List<UseError> useErrorsOf(String task) {
        return useErrors.stream().filter(e -> e.task().equals(task)).toList();
    }

    /** The executive summary's findings, each a sentence with its figures (see {@link Findings}). */
    public List<String> findings() {
        return analysis == null ? List.of() : Findings.of(analysis, useErrors);
    }

    /** What the figures cannot tell, stated so that nobody reads more into them (see {@link Findings}). */
    public List<String> limits() {
        return Findings.limits(this);
    }

    public String render() {
        return Pages.render("report/vendor.jte", this);
    }
}
