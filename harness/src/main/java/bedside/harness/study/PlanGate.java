package bedside.harness.study;

import bedside.results.StoredPlan;
import bedside.results.StudyPlan;
import java.util.List;
import java.util.Optional;

/**
 * Whether a study's plan lets a session or a scripted run start, asked before any browser opens so that a refused
 * start costs nothing and stores nothing. The store and the results server hold the same rules when the session is
 * saved; this is the early, friendly half.
 *
 * <p>Rules: a pilot starts on anything (it is never scored). A participant's session needs the study's plan locked,
 * with this suite version, these candidates and these tasks in it, and a simulated session only goes with a simulated
 * plan (a real one only with a real plan). A scripted expert-path run needs no plan, but once the plan is locked it
 * must run the plan's suite version (it is what the participants' paths are measured against).
 */
public final class PlanGate {
    private PlanGate() {
    }

    /**
     * What would start.
     *
     * @param suiteHash  the content hash of the suite to run
     * @param candidates the candidates' codes
     * @param tasks      the tasks' ids
     * @param moderated  a participant's session (false: the scripted expert path)
     */
    public record Start(String study, String suiteHash, List<String> candidates, List<String> tasks, boolean moderated,
                        boolean pilot, boolean simulated) {
        public Start {
            candidates = List.copyOf(candidates);
            tasks = List.copyOf(tasks);
        }
    }

    /** Why the start is refused (one sentence saying what to do), or empty when it may go ahead. */
    public static Optional<String> refusal(Optional<StoredPlan> stored, Start s) {
        if (s.pilot()) {
            return Optional.empty();
        }
        StoredPlan locked = stored.filter(StoredPlan::locked).orElse(null);
        if (s.moderated() && locked == null) {
            return Optional.of(stored.isEmpty()
                    ? "study " + s.study() + " has no plan: write one with `bedside study plan " + s.study()
                    + " --suite SUITE --candidates a,b` and lock it with `bedside study lock " + s.study()
                    + "` before the first session, or run a pilot with --pilot (kept out of every score)"
                    : "study " + s.study() + "'s plan is not locked: lock it with `bedside study lock " + s.study()
                    + "`, or run a pilot with --pilot (kept out of every score)");
        }
        if (locked == null) {
            return Optional.empty();
        }
        StudyPlan plan = locked.plan();
        if (!hash(plan.suite().hash()).equals(hash(s.suiteHash()))) {
            return Optional.of("suite " + hash(s.suiteHash()) + " is not the suite of study " + s.study() + "'s plan ("
                    + hash(plan.suite().hash()) + ", " + plan.suite().id() + (plan.suite().version() == null ? ""
                    : " " + plan.suite().version()) + "): the locked plan fixes the suite version; run the plan's suite, "
                    + "or use another study");
        }
        if (!s.moderated()) {
            return Optional.empty();
        }
        List<String> outCandidates = s.candidates().stream().filter(c -> !plan.candidates().contains(c)).toList();
        if (!outCandidates.isEmpty()) {
            return Optional.of("candidate(s) " + String.join(", ", outCandidates) + " not in study " + s.study()
                    + "'s plan (" + String.join(", ", plan.candidates()) + ")");
        }
        List<String> outTasks = s.tasks().stream().filter(t -> !plan.taskIds().contains(t)).toList();
        if (!outTasks.isEmpty()) {
            return Optional.of("task(s) " + String.join(", ", outTasks) + " not in study " + s.study() + "'s plan ("
                    + String.join(", ", plan.taskIds()) + ")");
        }
        if (s.simulated() != plan.simulated()) {
            return Optional.of(s.simulated()
                    ? "study " + s.study() + " is a real study: simulated participants never join it"
                    : "study " + s.study() + " is a simulation (its plan says so): real participants do not join it");
        }
        return Optional.empty();
    }

    /**
     * Whether a session audits the screens its participant reached for accessibility: when the study's locked plan says
     * its sessions are audited, every session of it is, asked or not; a pilot (a rehearsal, never scored) also when
     * asked ({@code --a11y}). A participant's session that asks against the plan is refused first ({@link
     * #auditRefusal}).
     */
    public static boolean auditsSession(Optional<StoredPlan> stored, boolean pilot, boolean asked) {
        return plannedAudit(stored) || (pilot && asked);
    }

    /**
     * Why a participant's session may not ask for an accessibility audit its study's locked plan does not plan (all of
     * a study's sessions are audited alike: the audit adds a wait before each SEQ), or empty.
     */
    public static Optional<String> auditRefusal(Optional<StoredPlan> stored, String study, boolean pilot, boolean asked) {
        if (pilot || !asked || plannedAudit(stored)) {
            return Optional.empty();
        }
        return Optional.of("study " + study + "'s plan does not audit its sessions for accessibility, and all of a "
                + "study's sessions are run alike: leave out --a11y, or plan a study that audits them (`bedside study "
                + "plan STUDY ... --audit-sessions`); a pilot (--pilot) may be audited either way");
    }

    private static boolean plannedAudit(Optional<StoredPlan> stored) {
        return stored.filter(StoredPlan::locked).map(p -> p.plan().auditSessions()).orElse(false);
    }

    /** A suite's content hash as the plan's hash is written: {@code sha256:} and hex (runs store the bare hex). */
    static String hash(String h) {
        return h.startsWith("sha256:") ? h : "sha256:" + h;
    }
}
