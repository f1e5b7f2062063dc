package bedside.harness.upload;

import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.client.ResultsClient;
import bedside.results.store.RecordConflictException;
import bedside.results.store.StudyLockedException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Sends finished attempts from the journal to their destination on a thread of its own, so that an outage of the
 * results server or database does not stop the run: attempts go on being recorded and journalled while the
 * uploader retries with exponential backoff (0.5 s doubling to 30 s), and when the destination is back it sends
 * what waited, in order. An attempt is marked stored in the journal only once the destination has it; what is
 * still waiting when the run ends stays in the journal for {@code bedside upload} or the next run.
 */
public final class Uploader implements AutoCloseable {
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private record Item(String study, AttemptRecord attempt, List<EventRecord> events) {}

    /** How the upload went: sent now, still waiting in the journal, refused for good (with why). */
    public record Summary(int sent, List<UUID> waiting, List<String> refused) {}

    private final ResultsDestination destination;
    private final Journal journal;
    private final PrintStream out;
    private final Deque<Item> queue = new ArrayDeque<>();
    private final List<String> refused = new ArrayList<>();
    private final Thread thread;
    private int sent;
    private boolean busy;
    private boolean closing;
    private String outage;
    private long lastProgress = System.nanoTime();

    public Uploader(ResultsDestination destination, Journal journal, PrintStream out) {
        this.destination = destination;
        this.journal = journal;
        this.out = out;
        this.thread = new Thread(this::loop, "bedside-uploader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a finished attempt (already journalled) for its destination. */
    public synchronized void submit(String study, AttemptRecord attempt, List<EventRecord> events) {
        queue.addLast(new Item(study, attempt, events));
        notifyAll();
    }

    /**
     * Waits until everything queued is sent, or until {@code patience} passes without any attempt getting through;
     * then stops. What is left stays in the journal.
     */
    public Summary finish(Duration patience) {
        synchronized (this) {
            lastProgress = System.nanoTime();
            while (!queue.isEmpty() || busy) {
                long left = patience.toNanos() - (System.nanoTime() - lastProgress);
                if (left <= 0) {
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            closing = true;
            notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return new Summary(sent, queue.stream().map(i -> i.attempt().attemptId()).toList(), List.copyOf(refused));
        }
    }

    @Override
    public void close() {
        finish(Duration.ZERO);
    }

    private void loop() {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            Item item;
            synchronized (this) {
                while (queue.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        if (closing) {
                            return;
                        }
                    }
                }
                if (closing) {
                    return;
                }
                item = queue.peekFirst();
                busy = true;
            }
            boolean done;
            try {
                destination.saveAttempt(item.study(), item.attempt(), item.events());
                journal.stored(item.attempt().attemptId());
                done = true;
                backoff = FIRST_BACKOFF;
                synchronized (this) {
                    sent++;
                    lastProgress = System.nanoTime();
                    if (outage != null) {
                        out.println("Results destination reachable again (" + destination.describe() + "): sending what waited.");
                        outage = null;
                    }
                }
            } catch (RuntimeException e) {
                if (isFinal(e)) {
                    // Retrying cannot help (the study is locked, the record conflicts): say so and keep it in the journal.
                    String why = "attempt " + item.attempt().attemptId() + " (" + item.attempt().candidate() + " · "
                            + item.attempt().task() + "): " + e.getMessage();
                    out.println("warning: " + destination.describe() + " refused " + why + " — it stays in the journal");
                    synchronized (this) {
                        refused.add(why);
                    }
                    done = true;
                } else {
                    done = false;
                    synchronized (this) {
                        if (outage == null) {
                            outage = String.valueOf(e.getMessage());
                            out.println("warning: cannot store in " + destination.describe() + " (" + outage + "); attempts"
                                    + " stay in the journal and are sent when it is back (retrying every "
                                    + MAX_BACKOFF.toSeconds() + " s at most).");
                        }
                    }
                }
            }
            synchronized (this) {
                busy = false;
                if (done) {
                    queue.pollFirst();
                }
                notifyAll();
                if (!done) {
                    long until = System.nanoTime() + backoff.toNanos();
                    while (!closing && System.nanoTime() < until) {
                        try {
                            wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                        } catch (InterruptedException e) {
                            if (closing) {
                                return;
                            }
                        }
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
    }

    /** Whether sending again could never succeed: a refusal by the destination rather than an outage. */
    static boolean isFinal(RuntimeException e) {
        if (e instanceof ResultsClient.ApiException api) {
            int s = api.status();
            return s >= 400 && s < 500 && s != 408 && s != 429;
        }
        return e instanceof StudyLockedException || e instanceof RecordConflictException
                || e instanceof IllegalArgumentException;
    }
}
