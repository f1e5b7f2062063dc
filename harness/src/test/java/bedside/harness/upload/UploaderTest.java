package bedside.harness.upload;

import static org.assertj.core.api.Assertions.assertThat;

import bedside.harness.journal.Journal;
import bedside.results.AttemptRecord;
import bedside.results.EventRecord;
import bedside.results.Outcome;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import bedside.results.TaskText;
import bedside.results.store.AttemptRefusedException;
import bedside.results.store.StudyLockedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one upload loop on a destination that stores in memory: batches, refusals, outages, the journal. */
class UploaderTest {
    static final String STUDY = "s1";
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    /** Stores batches wholly or not at all, as the store does; can refuse attempts, fail a few times, hold a call. */
    static final class Fake implements ResultsDestination {
        // The uploader never asks a destination about sessions, participants, answers or expert paths.
        @Override
        public List<SessionRecord> sessions(String study) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<bedside.results.ParticipantRecord> participants(String study) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveParticipant(String study, bedside.results.ParticipantRecord participant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveAnswers(String study, List<bedside.results.TaskRatingRecord> ratings,
                                List<bedside.results.SusRecord> sus, List<bedside.results.MarkerRecord> markers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<Recorded> expertPath(String study, String candidate, String task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public bedside.results.StoredPlan savePlan(bedside.results.StudyPlan plan) {
            throw new UnsupportedOperationException();
        }

        @Override
        public bedside.results.StoredPlan lockPlan(String study) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<bedside.results.StoredPlan> plan(String study) {
            return java.util.Optional.empty();
        }

        final List<List<UUID>> calls = Collections.synchronizedList(new ArrayList<>());
        final List<UUID> stored = Collections.synchronizedList(new ArrayList<>());
        final Set<UUID> locked = Collections.synchronizedSet(new HashSet<>());
        volatile int outages;
        private volatile boolean holdNext;
        private CountDownLatch entered;
        private CountDownLatch release;

        @Override
        public void saveAttempts(String study, List<Recorded> batch) {
            assertThat(study).isEqualTo(STUDY);
            calls.add(batch.stream().map(r -> r.attempt().attemptId()).toList());
            if (holdNext) {
                holdNext = false;
                entered.countDown();
                try {
                    assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (outages > 0) {
                outages--;
                throw new IllegalStateException("database down");
            }
            for (int i = 0; i < batch.size(); i++) {
                if (locked.contains(batch.get(i).attempt().attemptId())) {
                    throw new AttemptRefusedException(i, new StudyLockedException(study));
                }
            }
            for (Recorded r : batch) {
                if (!stored.contains(r.attempt().attemptId())) {
                    stored.add(r.attempt().attemptId());
                }
            }
        }

        /** The next call, once it has begun, waits for {@link #release}. */
        void holdNextCall() {
            entered = new CountDownLatch(1);
            release = new CountDownLatch(1);
            holdNext = true;
        }

        /** Waits until the held call has begun. */
        void awaitHeld() throws InterruptedException {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            release.countDown();
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public String key() {
            return "fake";
        }

        @Override
        public void ensureStudy(String code, String title) {}

        @Override
        public void ensureCandidate(String study, String code, String displayName, String vendor) {}

        @Override
        public void saveSuiteVersion(String suiteId, String version, String contentHash, String title, List<TaskText> tasks) {}

        @Override
        public void saveNotApplicable(String study, List<bedside.results.NotApplicableRecord> marks) {
        }

        @Override
        public void startRun(RunRecord run) {}

        @Override
        public void startSession(String study, SessionRecord session) {}

        @Override
        public void finishRun(String study, UUID runId, Instant finishedAt) {}
    }

    final UUID runId = UUID.randomUUID();
    final UUID sessionId = UUID.randomUUID();
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    Journal journal() {
        Journal j = Journal.open(dir, runId);
        j.run(new RunRecord(runId, STUDY, "suite", "1", "a".repeat(64), "run", T0, null));
        j.session(new SessionRecord(sessionId, runId, "alpha", "expert-path", T0));
        return j;
    }

    /** A finished attempt with two events, journalled. */
    Journal.Stored attempt(Journal journal, int n) {
        UUID id = UUID.randomUUID();
        AttemptRecord a = new AttemptRecord(id, sessionId, "alpha", "task-" + n, "expert-path", 1, Outcome.SUCCESS, null,
                null, T0.plusSeconds(n), 1000, 1, 1, 1, 1, 0, 0, 0, 0, 1000);
        List<EventRecord> events = List.of(new EventRecord(id, 0, 1.0, "click", "http://x/", "{}"),
                new EventRecord(id, 1, 2.0, "key", "http://x/", "{\"k\":1}"));
        journal.attempt(a, events);
        return new Journal.Stored(a, events);
    }

    static List<UUID> ids(List<Journal.Stored> attempts) {
        return attempts.stream().map(a -> a.attempt().attemptId()).toList();
    }

    List<UUID> notStoredInJournal() {
        return ids(Journal.read(dir.resolve(runId + ".jsonl")).notStored());
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void whatWaitsGoesAsOneBatchInOrderAndEachIsMarkedStoredInTheJournal() throws Exception {
        Fake fake = new Fake();
        try (Journal journal = journal()) {
            List<Journal.Stored> attempts = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                attempts.add(attempt(journal, n));
            }
            fake.holdNextCall();
            Uploader uploader = new Uploader(fake, journal, out);
            uploader.submit(STUDY, attempts.get(0).attempt(), attempts.get(0).events());
            fake.awaitHeld();
            for (Journal.Stored a : attempts.subList(1, 5)) {
                uploader.submit(STUDY, a.attempt(), a.events());
            }
            fake.release();
            Uploader.Summary summary = uploader.finish(Duration.ofSeconds(10));

            assertThat(summary.sent()).isEqualTo(5);
            assertThat(summary.waiting()).isEmpty();
            assertThat(summary.refused()).isEmpty();
            assertThat(fake.calls).containsExactly(ids(attempts.subList(0, 1)), ids(attempts.subList(1, 5)));
            assertThat(fake.stored).containsExactlyElementsOf(ids(attempts));
        }
        assertThat(notStoredInJournal()).isEmpty();
        assertThat(printed()).isEmpty();
    }

    @Test
    void anAttemptRefusedInABatchIsHeldBackAloneWithItsOwnWarning() throws Exception {
        Fake fake = new Fake();
        List<Journal.Stored> attempts = new ArrayList<>();
        try (Journal journal = journal()) {
            for (int n = 1; n <= 4; n++) {
                attempts.add(attempt(journal, n));
            }
            UUID refused = attempts.get(2).attempt().attemptId();
            fake.locked.add(refused);
            fake.holdNextCall();
            Uploader uploader = new Uploader(fake, journal, out);
            uploader.submit(STUDY, attempts.get(0).attempt(), attempts.get(0).events());
            fake.awaitHeld();
            for (Journal.Stored a : attempts.subList(1, 4)) {
                uploader.submit(STUDY, a.attempt(), a.events());
            }
            fake.release();
            Uploader.Summary summary = uploader.finish(Duration.ofSeconds(10));

            String why = "attempt " + refused + " (alpha · task-3): study " + STUDY + " is locked: it takes no new runs or attempts";
            assertThat(summary.sent()).isEqualTo(3);
            assertThat(summary.waiting()).isEmpty();
            assertThat(summary.refused()).containsExactly(why);
            // The batch [2, 3, 4] is refused for 3, so each of them goes again alone: 2 and 4 are stored.
            List<UUID> all = ids(attempts);
            assertThat(fake.calls).containsExactly(List.of(all.get(0)), all.subList(1, 4), List.of(all.get(1)),
                    List.of(all.get(2)), List.of(all.get(3)));
            assertThat(fake.stored).containsExactly(all.get(0), all.get(1), all.get(3));
            assertThat(printed()).isEqualTo("warning: fake refused " + why + " — it stays in the journal"
                    + System.lineSeparator());
            assertThat(notStoredInJournal()).containsExactly(refused);
        }
    }

    @Test
    void anOutageIsReportedOnceAndWhatWaitedIsSentWhenTheDestinationIsBack() throws Exception {
        Fake fake = new Fake();
        fake.outages = 2;
        List<Journal.Stored> attempts = new ArrayList<>();
        try (Journal journal = journal()) {
            for (int n = 1; n <= 3; n++) {
                attempts.add(attempt(journal, n));
            }
            Uploader uploader = new Uploader(fake, journal, out);
            for (Journal.Stored a : attempts) {
                uploader.submit(STUDY, a.attempt(), a.events());
            }
            Uploader.Summary summary = uploader.finish(Duration.ofSeconds(10));
            assertThat(summary.sent()).isEqualTo(3);
            assertThat(summary.waiting()).isEmpty();
        }
        assertThat(fake.stored).containsExactlyElementsOf(ids(attempts));
        assertThat(notStoredInJournal()).isEmpty();
        String text = printed();
        assertThat(count(text, "warning: cannot store in fake (database down); attempts stay in the journal and are sent "
                + "when it is back (retrying every 30 s at most).")).isEqualTo(1);
        assertThat(count(text, "Results destination reachable again (fake): sending what waited.")).isEqualTo(1);
        assertThat(text.indexOf("cannot store in")).isLessThan(text.indexOf("reachable again"));
    }

    @Test
    void whatTheDestinationNeverTookWaitsInTheJournal() throws Exception {
        Fake fake = new Fake();
        fake.outages = Integer.MAX_VALUE;
        Journal.Stored a;
        Uploader.Summary summary;
        try (Journal journal = journal()) {
            a = attempt(journal, 1);
            Uploader uploader = new Uploader(fake, journal, out);
            uploader.submit(STUDY, a.attempt(), a.events());
            summary = uploader.finish(Duration.ofMillis(300));
        }
        assertThat(summary.sent()).isZero();
        assertThat(summary.waiting()).containsExactly(a.attempt().attemptId());
        assertThat(summary.refused()).isEmpty();
        assertThat(notStoredInJournal()).containsExactly(a.attempt().attemptId());
    }

    @Test
    void onePassTriesEveryAttemptOnceAndSaysWhatItCouldNotStore() {
        Fake fake = new Fake();
        List<Journal.Stored> attempts = new ArrayList<>();
        try (Journal journal = journal()) {
            for (int n = 1; n <= 5; n++) {
                attempts.add(attempt(journal, n));
            }
            List<UUID> all = ids(attempts);
            fake.locked.add(all.get(1));
            Uploader.Pass pass = Uploader.sendOnce(fake, journal, STUDY, attempts.subList(0, 3));
            assertThat(pass.sent()).isEqualTo(2);
            assertThat(pass.problems()).containsExactly(all.get(1) + ": study " + STUDY
                    + " is locked: it takes no new runs or attempts");
            assertThat(fake.calls).containsExactly(all.subList(0, 3), List.of(all.get(0)), List.of(all.get(1)),
                    List.of(all.get(2)));

            // An outage: the batch fails, each of its attempts is reported, nothing is retried.
            fake.calls.clear();
            fake.outages = 1;
            Uploader.Pass down = Uploader.sendOnce(fake, journal, STUDY, attempts.subList(3, 5));
            assertThat(down.sent()).isZero();
            assertThat(down.problems()).containsExactly(all.get(3) + ": database down", all.get(4) + ": database down");
            assertThat(fake.calls).containsExactly(all.subList(3, 5));
            assertThat(notStoredInJournal()).containsExactly(all.get(1), all.get(3), all.get(4));

            // Sent again (what was stored is found stored), everything but the refused one gets through.
            fake.calls.clear();
            Uploader.Pass again = Uploader.sendOnce(fake, journal, STUDY, attempts);
            assertThat(again.sent()).isEqualTo(4);
            assertThat(fake.stored).containsExactly(all.get(0), all.get(2), all.get(3), all.get(4));
        }
        assertThat(printed()).isEmpty();
    }

    @Test
    void aBatchHoldsOneStudysAttemptsUpToItsLimits() {
        Fake fake = new Fake();
        List<Journal.Stored> attempts = new ArrayList<>();
        try (Journal journal = journal()) {
            for (int n = 1; n <= Uploader.MAX_BATCH_ATTEMPTS + 5; n++) {
                attempts.add(attempt(journal, n));
            }
            Uploader.Pass pass = Uploader.sendOnce(fake, journal, STUDY, attempts);
            assertThat(pass.sent()).isEqualTo(attempts.size());
        }
        assertThat(fake.calls).extracting(List::size).containsExactly(Uploader.MAX_BATCH_ATTEMPTS, 5);
        assertThat(fake.stored).containsExactlyElementsOf(ids(attempts));
    }
}
