package bedside.harness.cli;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Serves the sample candidate systems so a person can click through them. */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = {"Serves the sample candidate systems on localhost until interrupted (Ctrl-C).",
                "Sign in as dr.evans / bedside-demo."})
public final class SamplesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CANDIDATE", arity = "0..*", description = "Which to serve: streamlined, legacy (default: both).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--port", description = "First port to use (each next candidate gets the next port); 0 = free ports (default).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        List<String> chosen = ids.isEmpty() ? SampleCandidates.ids() : ids;
        for (String id : chosen) {
            if (!SampleCandidates.ids().contains(id)) {
                System.err.println("bedside samples: unknown candidate \"" + id + "\" (known: " + SampleCandidates.ids() + ")");
                return BedsideCli.USAGE;
            }
        }
        List<SampleCandidate> started = new ArrayList<>();
        int next = port;
        for (String id : chosen) {
            SampleCandidate c = SampleCandidates.start(id, next);
            started.add(c);
            System.out.printf("%-12s %-28s %s%n", c.id(), c.displayName(), c.baseUrl());
            if (next != 0) {
                next++;
            }
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.forEach(SampleCandidate::close);
            stop.countDown();
        }));
        System.out.println("Serving; press Ctrl-C to stop.");
        stop.await();
        return BedsideCli.OK;
    }
}
