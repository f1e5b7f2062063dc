package bedside.harness.upload;

import bedside.harness.journal.Journal;
import bedside.harness.upload.ResultsDestination.Recorded;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.ReplayRecord;
import bedside.results.client.ResultsClient;
import bedside.results.store.AttemptRefusedException;
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
 * The upload loop: sends journalled attempts to their destination and marks each stored in the journal once the
 * destination has it. It is the only one; the destinations ({@link ResultsDestination#saveAttempts}) only say how to
 * store one batch. The loop sends the attempts in their order, in batches (at most {@value #MAX_BATCH_ATTEMPTS}
 * attempts and, beyond the first, {@value #MAX_BATCH_EVENTS} events); when a batch of several is refused, its
 * attempts are sent again one by one, so that each gets its own answer and only a refused one is held back. Storing
 * is idempotent, so whatever was sent before is simply found stored.
 *
 * <p>Two ways to run it:
 * <ul>
 *   <li>During a run, on a thread of its own ({@link #Uploader}, {@link #submit}, {@link #finish}), so that an outage
 *       of the results server or database does not stop the run: attempts go on being recorded and journalled while
 *       the uploader retries with exponential backoff (0.5 s doubling to 30 s), and when the destination is back it
 *       sends what waited, in order. What is still waiting when the run ends stays in the journal for
 *       {@code bedside upload} or the next run.</li>
 *   <li>Once over what earlier runs journalled ({@link #sendOnce}: {@code bedside upload}, the start of a run):
 *       every attempt is tried once, nothing is retried, and what could not be stored is reported and stays in the
 *       journal.</li>
 * </ul>
 */
public final class Uploader implements AutoCloseable {
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** At most this many attempts in one batch. */
    static final int MAX_BATCH_ATTEMPTS = 100;
    /** At most this many events in one batch, unless its first attempt alone has more. */
    static final int MAX_BATCH_EVENTS = 20_000;

    private record Item(String study, AttemptRecord attempt, List<EventRecord> events, ReplayRecord replay) {
        Recorded recorded() {
            return new Recorded(attempt, events, replay);
        }
    }

    /** How the upload went: sent now, still waiting in the journal, refused for good (with why). */
    public record Summary(int sent, List<UUID> waiting, List<String> refused) {}

    /** What one pass ({@link #sendOnce}) stored, and each attempt it could not store as {@code "id: why"}. */
    public record Pass(int sent, List<String> problems) {}

    /** What became of the attempts sent, one at a time, in their order. */
    private interface Outcomes {
        void stored(Item item);

        /** Not stored, and why ({@link #isFinal}: refused for good; otherwise the destination may take it later). */
        void failed(Item item, RuntimeException why);
    }

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
    /** The loop thread's wait before it tries again after an outage. */
    private Duration backoff = FIRST_BACKOFF;

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
        submit(study, attempt, events, null);
    }

    /** Queues a finished attempt (already journalled) with its DOM replay (null: none) for its destination. */
    public synchronized void submit(String study, AttemptRecord attempt, List<EventRecord> events, ReplayRecord replay) {
        queue.addLast(new Item(study, attempt, events, replay));
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

    /**
     * Sends attempts that a run journalled (all of {@code study}) to the destination once, in their order: each one
     * the destination takes is marked stored in {@code journal}; none is retried (a destination's client may retry a
     * request). Prints nothing.
     */
    public static Pass sendOnce(ResultsDestination destination, Journal journal, String study,
                                List<Journal.Stored> attempts) {
        List<Item> items = attempts.stream().map(a -> new Item(study, a.attempt(), a.events(), a.replay())).toList();
        List<String> problems = new ArrayList<>();
        int[] sent = {0};
        send(destination, journal, items, false, new Outcomes() {
            @Override
            public void stored(Item item) {
                sent[0]++;
            }

            @Override
            public void failed(Item item, RuntimeException why) {
                problems.add(item.attempt().attemptId() + ": " + why.getMessage());
            }
        });
        return new Pass(sent[0], problems);
    }

    /** The thread of a run's uploader: what is queued goes out in batches; an outage is retried with backoff. */
    private void loop() {
        while (true) {
            List<Item> pending;
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
                pending = queue.stream().limit(MAX_BATCH_ATTEMPTS).toList();
                busy = true;
            }
            boolean[] stalled = {false};
            send(destination, journal, pending, true, new Outcomes() {
                @Override
                public void stored(Item item) {
                    backoff = FIRST_BACKOFF;
                    synchronized (Uploader.this) {
                        sent++;
                        lastProgress = System.nanoTime();
                        if (outage != null) {
                            out.println("Results destination reachable again (" + destination.describe()
                                    + "): sending what waited.");
                            outage = null;
                        }
                        queue.pollFirst();
                        Uploader.this.notifyAll();
                    }
                }

                @Override
                public void failed(Item item, RuntimeException why) {
                    if (isFinal(why)) {
                        // Retrying cannot help (the study is locked, the record conflicts): say so and keep it in the
                        // journal.
                        String what = "attempt " + item.attempt().attemptId() + " (" + item.attempt().candidate() + " · "
                                + item.attempt().task() + "): " + why.getMessage();
                        out.println("warning: " + destination.describe() + " refused " + what
                                + " — it stays in the journal");
                        synchronized (Uploader.this) {
                            refused.add(what);
                            queue.pollFirst();
                            Uploader.this.notifyAll();
                        }
                    } else {
                        stalled[0] = true;
                        synchronized (Uploader.this) {
                            if (outage == null) {
                                outage = String.valueOf(why.getMessage());
                                out.println("warning: cannot store in " + destination.describe() + " (" + outage
                                        + "); attempts stay in the journal and are sent when it is back (retrying every "
                                        + MAX_BACKOFF.toSeconds() + " s at most).");
                            }
                        }
                    }
                }
            });
            synchronized (this) {
                busy = false;
                notifyAll();
                if (stalled[0]) {
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

    /**
     * The one loop. Sends {@code items} in their order, in batches of one study's attempts, and marks each in the
     * journal once the destination has it; tells {@code outcomes} what became of each attempt, in order. When a batch
     * of several is refused (one of its attempts, or the batch as a whole), its attempts are sent again one at a time.
     * An attempt that could not be stored for a reason that may pass (an outage: the batch as a whole) ends the pass
     * if {@code stopAtOutage}, after telling {@code outcomes} of the first attempt waiting; otherwise every attempt of
     * that batch is reported with it and the pass goes on with the next batch.
     */
    private static void send(ResultsDestination destination, Journal journal, List<Item> items, boolean stopAtOutage,
                             Outcomes outcomes) {
        int i = 0;
        int onePerBatchUntil = 0;
        while (i < items.size()) {
            int end = i < onePerBatchUntil ? i + 1 : batchEnd(items, i);
            List<Item> batch = items.subList(i, end);
            try {
                destination.saveAttempts(batch.get(0).study(), batch.stream().map(Item::recorded).toList());
            } catch (RuntimeException e) {
                // One attempt refused: why, as the destination would say it of that attempt sent alone.
                RuntimeException why = e instanceof AttemptRefusedException r ? r.reason() : e;
                if (batch.size() > 1 && (e instanceof AttemptRefusedException || isFinal(why))) {
                    onePerBatchUntil = end;
                    continue;
                }
                if (stopAtOutage && !isFinal(why)) {
                    outcomes.failed(batch.get(0), why);
                    return;
                }
                for (Item item : batch) {
                    outcomes.failed(item, why);
                }
                i = end;
                continue;
            }
            for (Item item : batch) {
                i++;
                try {
                    journal.stored(item.attempt().attemptId());
                } catch (RuntimeException e) {
                    // The destination has it and the journal does not say so: sent again later, it is found stored.
                    outcomes.failed(item, e);
                    if (stopAtOutage && !isFinal(e)) {
                        return;
                    }
                    continue;
                }
                outcomes.stored(item);
            }
        }
    }

    /** Where the batch that starts at {@code from} ends: same study, at most so many attempts and events. */
    private static int batchEnd(List<Item> items, int from) {
        String study = items.get(from).study();
        int events = items.get(from).events().size();
        int end = from + 1;
        while (end < items.size() && end - from < MAX_BATCH_ATTEMPTS && items.get(end).study().equals(study)
                && events + items.get(end).events().size() <= MAX_BATCH_EVENTS) {
            events += items.get(end).events().size();
            end++;
        }
        return end;
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
