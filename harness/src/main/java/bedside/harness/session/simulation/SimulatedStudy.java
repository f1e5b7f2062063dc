package bedside.harness.session.simulation;

import bedside.harness.study.PlanMaker;
import bedside.harness.upload.ResultsDestination;
import bedside.results.StoredPlan;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.util.List;

/**
 * A simulated study's plan: made the way {@code bedside study plan} makes a real one (the suite's criticality ×
 * frequency weights, within subjects), marked simulated, and locked before any attempt is stored, so the panel's
 * sessions are scored exactly as a locked plan says — and can never join a real study.
 */
public final class SimulatedStudy {
    private SimulatedStudy() {
    }

    /** Writes and locks the plan of {@code study}; throws when the suite cannot make one (the problems named). */
    public static StoredPlan lockPlan(ResultsDestination destination, String study, Suite suite, List<Task> tasks,
                                      List<String> candidates, int participants, long seed) {
        PlanMaker.Made made = PlanMaker.make(study, suite, tasks, new PlanMaker.Settings(candidates, null,
                participants, "within", PlanMaker.DEFAULT_RESAMPLES, seed, true), null);
        if (!made.ok()) {
            throw new IllegalStateException("the simulated study's plan could not be made: "
                    + String.join("; ", made.problems()));
        }
        destination.savePlan(made.plan());
        return destination.lockPlan(study);
    }
}
