package bedside.harness.run;

import bedside.harness.browser.Browsers;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run stopped by a signal (SIGTERM, SIGINT, a closed terminal). Whatever the browser did after that says
 * nothing about the candidate: an attempt still running is ended as a <b>system error</b> ("Bedside was
 * stopped"), never as a script error or a failure, and journalled before the JVM goes. No new attempt starts.
 * The run itself stays unfinished: the same command resumes it. An attempt not journalled within
 * {@link #PATIENCE_MILLIS} — and any attempt under SIGKILL, which leaves no time for any of this — is stored by
 * the resume from what its journal holds, also as a system error.
 */
public final class Stop {
    /**
     * How long the hook waits for attempts in flight to be journalled: a second or two on a quiet machine, several
     * times that on a busy one (CI's, running two test JVMs beside the run).
     */
    static final long PATIENCE_MILLIS = 10_000;

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile boolean requested;
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final Object LOCK = new Object();

    private Stop() {
    }

    /** Installs the shutdown hook once per JVM. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Stop::onShutdown, "bedside-stop"));
        }
    }

    /** Whether the JVM is shutting down (a signal, or the end of the program). */
    public static boolean requested() {
        return requested;
    }

    static void onShutdown() {
        requested = true;
        if (IN_FLIGHT.get() == 0) {
            return; // a normal exit, or a stop between attempts
        }
        // Ends the steps that wait on a browser; the attempts then finish as system errors and are journalled.
        // On a thread of its own: a browser that does not answer must not hold the JVM past the patience below.
        Thread closer = new Thread(Browsers::closeAll, "bedside-stop-browsers");
        closer.setDaemon(true);
        closer.start();
        long until = System.currentTimeMillis() + PATIENCE_MILLIS;
        synchronized (LOCK) {
            while (IN_FLIGHT.get() > 0 && System.currentTimeMillis() < until) {
                try {
                    LOCK.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Around an attempt, from before it starts until it is journalled. */
    public static void enter() {
        IN_FLIGHT.incrementAndGet();
    }

    public static void exit() {
        IN_FLIGHT.decrementAndGet();
        synchronized (LOCK) {
            LOCK.notifyAll();
        }
    }
}
