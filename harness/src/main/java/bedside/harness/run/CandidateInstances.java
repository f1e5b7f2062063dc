package bedside.harness.run;

import java.util.List;

/**
 * One candidate of a run and the instances of it that attempts may use at once. A sample candidate keeps
 * its state in its process, so a parallel run starts one instance per worker (worker {@code w} always uses
 * instance {@code w}); an external candidate has one instance that all workers share.
 */
public record CandidateInstances(CandidateTarget target, List<CandidateTarget> instances) {
    public CandidateInstances {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one instance");
        }
        instances = List.copyOf(instances);
    }

    public static CandidateInstances single(CandidateTarget target) {
        return new CandidateInstances(target, List.of(target));
    }

    /** The instance worker {@code worker} uses. */
    public CandidateTarget forWorker(int worker) {
        return instances.get(worker % instances.size());
    }
}
