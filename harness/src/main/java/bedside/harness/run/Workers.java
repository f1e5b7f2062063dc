package bedside.harness.run;

import java.util.ArrayList;
import java.util.List;

/** Work loops run side by side, each on a thread of its own, and waited for: a run's workers, a simulated panel's. */
public final class Workers {
    private Workers() {
    }

    /**
     * Starts every loop on its own thread ({@code name-1}, {@code name-2}, …) and waits for all of them.
     *
     * @param what what the loops do, for the message when the wait is interrupted
     */
    public static void runAll(List<Runnable> loops, String name, String what) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < loops.size(); w++) {
            Thread t = new Thread(loops.get(w), name + "-" + (w + 1));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + what, e);
            }
        }
    }
}
