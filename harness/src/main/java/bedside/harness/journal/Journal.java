package bedside.harness.journal;

import bedside.harness.measure.Measures;
import bedside.harness.record.PageEvent;
import bedside.harness.record.ReplayCapture;
import bedside.results.ReplayRecord;
import bedside.results.AttemptRecord;
import bedside.results.Outcome;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Comparator;
import bedside.results.EventRecord;
import bedside.results.RunRecord;
import bedside.results.SessionRecord;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The append-only local journal a run writes before anything goes to the results store: one JSON line
 * per record, forced to disk before the store is written, so a crash, a database outage or a killed
 * process loses nothing already journalled. A later run replays what the store does not yet have
 * (storing is idempotent by the client-made ids, so a replay never duplicates).
 *
 * <p>Lines: {@code {"kind":"run",...}}, {@code "session"}, {@code "attempt-start"} (an attempt began),
 * {@code "clock"} (its task clock started), {@code "clock-stop"} (its clock stopped: its outcome is being
 * checked), {@code "events"} (what the recorder received, in batches
 * <em>while</em> the attempt runs), {@code "replay-events"} (the DOM replay's events, likewise), {@code "attempt"} (the
 * finished attempt with all its events and its replay, compressed),
 * {@code "stored"} (the attempt id that reached the store), {@code "finished"}. A moderated session adds
 * {@code "participant"} (the details and consent given in the panel), {@code "rating"} (an SEQ answer), {@code "sus"}
 * (the ten SUS answers), {@code "marker"} (a use error, assist or note the moderator or observer marked) and
 * {@code "answers-stored"} (they reached the destination).
 *
 * <p>An attempt with a start and event batches but no {@code attempt} line was cut off (the process died
 * during it): {@link #pending} turns it into a system error holding every event journalled before the end.
 */
public final class Journal implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final FileChannel channel;

    private Journal(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public static Journal open(Path dir, UUID runId) {
        try {
            return new Journal(dir.resolve(runId + ".jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + dir, e);
        }
    }

    public Path file() {
        return file;
    }

    public void run(RunRecord run) {
        append("run", JSON.valueToTree(run));
    }

    public void session(SessionRecord session) {
        append("session", JSON.valueToTree(session));
    }

    public void attempt(AttemptRecord attempt, List<EventRecord> events) {
        attempt(attempt, events, null);
    }

    /** A finished attempt with all its events and its DOM replay (null: none), its compressed bytes in base64. */
    public void attempt(AttemptRecord attempt, List<EventRecord> events, ReplayRecord replay) {
        ObjectNode node = JSON.createObjectNode();
        node.set("attempt", JSON.valueToTree(attempt));
        node.set("events", JSON.valueToTree(events));
        if (replay != null) {
            node.put("replay", replay.gzip());
        }
        append("attempt", node);
    }

    /**
     * A batch of the DOM replay's events, journalled as they arrive (each event's JSON as the page sent it), so that an
     * attempt cut off keeps the replay it had.
     */
    public void replayEvents(UUID attemptId, List<ReplayCapture.Event> events) {
        ObjectNode node = JSON.createObjectNode().put("attemptId", attemptId.toString());
        ArrayNode list = node.putArray("events");
        for (ReplayCapture.Event e : events) {
            ObjectNode o = list.addObject().put("doc", e.doc()).put("batch", e.batch()).put("index", e.index())
                    .put("timestamp", e.timestamp());
            o.putRawValue("event", new com.fasterxml.jackson.databind.util.RawValue(e.json()));
        }
        append("replay-events", node);
    }

    /** An attempt began (before its browser opened): if the process dies now, the attempt is still accounted for. */
    public void attemptStarted(UUID attemptId, UUID sessionId, String candidate, String task, String participant,
                               int attemptNo, java.time.Instant startedAt) {
        ObjectNode node = JSON.createObjectNode().put("attemptId", attemptId.toString()).put("sessionId", sessionId.toString())
                .put("candidate", candidate).put("task", task).put("participant", participant).put("attemptNo", attemptNo)
                .put("startedAt", startedAt.toString());
        append("attempt-start", node);
    }

    /** The attempt's task clock started at this browser time (epoch ms). */
    public void clock(UUID attemptId, double browserTime) {
        append("clock", JSON.createObjectNode().put("attemptId", attemptId.toString()).put("t", browserTime));
    }

    /** The attempt's task clock stopped at this browser time; its outcome is now being checked. */
    public void clockStopped(UUID attemptId, double browserTime) {
        append("clock-stop", JSON.createObjectNode().put("attemptId", attemptId.toString()).put("t", browserTime));
    }

    /** A batch of what the recorder received during an attempt, journalled as it arrives. */
    public void events(UUID attemptId, List<PageEvent> events) {
        ObjectNode node = JSON.createObjectNode().put("attemptId", attemptId.toString());
        ArrayNode list = node.putArray("events");
        for (PageEvent e : events) {
            ObjectNode o = list.addObject().put("doc", e.doc()).put("top", e.top()).put("batch", e.batch())
                    .put("index", e.index()).put("t", e.t()).put("type", e.type()).put("url", e.url());
            o.set("data", e.data());
        }
        append("events", node);
    }

    /** A participant's details and consent, as given in the session's panel. */
    public void participant(bedside.results.ParticipantRecord participant) {
        append("participant", JSON.valueToTree(participant));
    }

    /** A post-task rating (SEQ), journalled before it is sent. */
    public void rating(bedside.results.TaskRatingRecord rating) {
        append("rating", JSON.valueToTree(rating));
    }

    /** A session's SUS answers, journalled before they are sent. */
    public void sus(bedside.results.SusRecord sus) {
        append("sus", JSON.valueToTree(sus));
    }

    /** A use error, assist or note, journalled the moment it is marked. */
    public void marker(bedside.results.MarkerRecord marker) {
        append("marker", JSON.valueToTree(marker));
    }

    /** Every participant, rating, SUS answer and marker journalled so far reached the destination. */
    public void answersStored() {
        append("answers-stored", JSON.createObjectNode());
    }

    public void stored(UUID attemptId) {
        append("stored", JSON.createObjectNode().put("attemptId", attemptId.toString()));
    }

    public void finished(RunRecord run) {
        append("finished", JSON.valueToTree(run));
    }

    private synchronized void append(String kind, JsonNode body) {
        ObjectNode line = JSON.createObjectNode().put("kind", kind);
        line.set("body", body);
        try {
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // everything was forced to disk line by line already
        }
    }

    /** What one journal holds that the store may not: its run, sessions, and attempts not marked stored. */
    public record Pending(Path file, RunRecord run, List<SessionRecord> sessions, List<Stored> attempts) {}

    /** @param replay the attempt's DOM replay, or null */
    public record Stored(AttemptRecord attempt, List<EventRecord> events, ReplayRecord replay) {
        public Stored(AttemptRecord attempt, List<EventRecord> events) {
            this(attempt, events, null);
        }
    }

    /** What the journal holds of an attempt that has not (yet) finished: its start, clock and event batches. */
    private static final class Partial {
        final JsonNode start;
        Double clock;
        Double clockStop;
        final Map<String, PageEvent> events = new LinkedHashMap<>();
        final Map<String, ReplayCapture.Event> replay = new LinkedHashMap<>();

        Partial(JsonNode start) {
            this.start = start;
        }

        void addReplay(JsonNode e) {
            ReplayCapture.Event re = new ReplayCapture.Event(e.path("doc").asText(), e.path("batch").asLong(),
                    e.path("index").asInt(), e.path("timestamp").asDouble(), e.path("event").toString());
            replay.putIfAbsent(re.doc() + "#" + re.batch() + "#" + re.index(), re);
        }

        void add(JsonNode e) {
            ObjectNode data = e.path("data").isObject() ? (ObjectNode) e.get("data") : JSON.createObjectNode();
            PageEvent pe = new PageEvent(e.path("doc").asText(), e.path("top").asBoolean(true), e.path("batch").asLong(),
                    e.path("index").asInt(), e.path("t").asDouble(), e.path("type").asText(),
                    e.hasNonNull("url") ? e.get("url").asText() : null, 0L, data);
            events.putIfAbsent(pe.doc() + "#" + pe.batch() + "#" + pe.index(), pe);
        }

        /** The attempt as a system error that keeps every event journalled before the process stopped. */
        Stored cutOff() {
            UUID attemptId = UUID.fromString(start.path("attemptId").asText());
            List<PageEvent> all = new ArrayList<>(events.values());
            all.sort(Comparator.comparingDouble(PageEvent::t).thenComparing(PageEvent::doc)
                    .thenComparingLong(PageEvent::batch).thenComparingInt(PageEvent::index));
            double zero = clock != null ? clock : all.isEmpty() ? 0 : all.get(0).t();
            double last = all.isEmpty() ? zero : Math.max(zero, all.get(all.size() - 1).t());
            Measures m = clock == null ? null
                    : Measures.of(all.stream().filter(e -> e.t() >= clock).toList(), clock, last, null);
            List<EventRecord> records = new ArrayList<>(all.size());
            long seq = 0;
            for (PageEvent e : all) {
                ObjectNode json = e.data().deepCopy();
                json.put("doc", e.doc());
                json.put("top", e.top());
                json.put("phase", clock == null || e.t() < clock ? "setup" : "task");
                records.add(new EventRecord(attemptId, seq++, e.t() - zero, e.type(), e.url(), json.toString()));
            }
            String reason = "cut off: the Bedside process stopped during this attempt"
                    + (clock == null ? " (in its setup)" : clockStop != null ? " (while its outcome was being checked)"
                            : " (during the task)") + "; the " + records.size()
                    + " event(s) journalled before that are kept";
            AttemptRecord a = new AttemptRecord(attemptId, UUID.fromString(start.path("sessionId").asText()),
                    start.path("candidate").asText(), start.path("task").asText(), start.path("participant").asText(),
                    start.path("attemptNo").asInt(), Outcome.SYSTEM_ERROR, reason, null,
                    java.time.Instant.parse(start.path("startedAt").asText()),
                    m == null ? 0 : m.timeMs(), m == null ? 0 : m.clicks(), m == null ? 0 : m.keystrokes(),
                    m == null ? 0 : m.screens(), m == null ? 0 : m.pageLoads(), m == null ? 0 : m.scrollPx(),
                    m == null ? 0 : m.dialogs(), m == null ? 0 : m.validationErrors(), m == null ? 0 : m.systemResponseMs(),
                    m == null ? 0 : m.klmMs());
            // The replay journalled before the end, in the order its events happened: the same bytes however often
            // the journal is read, so storing it again stores nothing twice.
            List<ReplayCapture.Event> replayed = new ArrayList<>(replay.values());
            replayed.sort(ReplayCapture.ORDER);
            return new Stored(a, records, replayed.isEmpty() ? null
                    : ReplayRecord.of(attemptId, replayed.stream().map(ReplayCapture.Event::json).toList()));
        }
    }

    /**
     * What a run means to do, journalled before it starts: what a rerun compares to resume it, and where its
     * results go (a journal's attempts are only ever sent to that destination).
     *
     * @param destination {@link bedside.harness.upload.ResultsDestination#key()}
     * @param simulated   a session taken by a simulated participant (the demo's panel), never by a person (false in
     *                    journals written before it was journalled)
     */
    public record Plan(String study, String suiteHash, String kind, List<String> candidates, List<String> tasks, int repeat,
                       String destination, String participant, boolean simulated) {
        /** A scripted run's plan (no participant). */
        public Plan(String study, String suiteHash, String kind, List<String> candidates, List<String> tasks, int repeat,
                    String destination) {
            this(study, suiteHash, kind, candidates, tasks, repeat, destination, null, false);
        }

        /** A session's plan, with a person. */
        public Plan(String study, String suiteHash, String kind, List<String> candidates, List<String> tasks, int repeat,
                    String destination, String participant) {
            this(study, suiteHash, kind, candidates, tasks, repeat, destination, participant, false);
        }

        public Plan {
            candidates = List.copyOf(candidates);
            tasks = List.copyOf(tasks);
        }
    }

    public void plan(Plan plan) {
        append("plan", JSON.valueToTree(plan));
    }

    /** One attempt of a plan: which candidate, which task, which repetition. */
    public record Slot(String candidate, String task, int attemptNo) {}

    /**
     * Everything one journal holds.
     *
     * @param plan     null in a journal written before plans were journalled
     * @param begun    the slots whose attempts began, by attempt id, in the order they began
     * @param attempts every attempt journalled: finished ones as they were, cut-off ones as system errors
     * @param stored   the attempts that reached their destination
     * @param finished whether the run came to its end
     */
    public record Contents(Path file, RunRecord run, Plan plan, List<SessionRecord> sessions, Map<UUID, Slot> begun,
                           Map<UUID, Stored> attempts, Set<UUID> stored, boolean finished, Answers answers) {
        /** The destination this journal's records are meant for (journals without a plan: any database). */
        public boolean isFor(String destination) {
            return plan == null ? !destination.startsWith("server ") : destination.equals(plan.destination());
        }

        public List<Stored> notStored() {
            return attempts.values().stream().filter(a -> !stored.contains(a.attempt().attemptId())).toList();
        }
    }

    /**
     * A session's participant details, ratings, SUS answers and markers as journalled, and whether all of them reached the
     * destination (the last {@code answers-stored} line came after the last of them).
     */
    public record Answers(List<bedside.results.ParticipantRecord> participants, List<bedside.results.TaskRatingRecord> ratings,
                          List<bedside.results.SusRecord> sus, List<bedside.results.MarkerRecord> markers, boolean stored) {
        public boolean pending() {
            return !stored && !(participants.isEmpty() && ratings.isEmpty() && sus.isEmpty() && markers.isEmpty());
        }
    }

    /**
     * The journal's plan, read from its first line only (a journal writes its plan first), or null when it has none
     * there: lets a caller looking for one session's journal skip reading every other journal whole.
     */
    public static Plan planOf(Path f) {
        try (java.io.BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) {
                return null;
            }
            JsonNode node = JSON.readTree(first);
            return node.path("kind").asText().equals("plan") ? JSON.treeToValue(node.path("body"), Plan.class) : null;
        } catch (IOException torn) {
            return null;
        }
    }

    /**
     * Every journal in {@code dir} that still holds something to do — a run not finished (to resume), an attempt not
     * stored, answers not stored — read whole, oldest run first. A settled journal is recognised line by line without
     * parsing its events, so a data folder of many earlier runs costs a run's start little.
     */
    public static List<Contents> unsettled(Path dir) {
        return readWhere(dir, f -> !settled(f));
    }

    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("^\\{\"kind\":\"([a-z-]+)\"");
    private static final java.util.regex.Pattern ATTEMPT_ID =
            java.util.regex.Pattern.compile("\"attemptId\":\"([0-9a-f-]{36})\"");

    /**
     * Whether a journal holds nothing left to do: its run finished, every attempt it began or made stored, and its
     * answers, if any, stored. Each line's kind is read from its start (a line is {@code {"kind":…,"body":…}}); an
     * attempt's id is the first one on its line (the attempt record's first field). Anything unexpected: not settled.
     */
    static boolean settled(Path f) {
        boolean finished = false;
        boolean answersPending = false;
        Set<String> made = new HashSet<>();
        Set<String> stored = new HashSet<>();
        try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                java.util.regex.Matcher k = KIND.matcher(line);
                if (!k.find()) {
                    continue; // a torn last line
                }
                switch (k.group(1)) {
                    case "finished" -> finished = true;
                    case "attempt-start", "attempt", "stored" -> {
                        java.util.regex.Matcher id = ATTEMPT_ID.matcher(line);
                        if (!id.find()) {
                            return false;
                        }
                        (k.group(1).equals("stored") ? stored : made).add(id.group(1));
                    }
                    case "participant", "rating", "sus", "marker" -> answersPending = true;
                    case "answers-stored" -> answersPending = false;
                    default -> { }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return finished && !answersPending && stored.containsAll(made);
    }

    /** Every journal in {@code dir} whose plan (its first line) {@code wanted} accepts, read whole, oldest run first. */
    public static List<Contents> all(Path dir, java.util.function.Predicate<Plan> wanted) {
        return readWhere(dir, f -> {
            Plan plan = planOf(f);
            return plan != null && wanted.test(plan);
        });
    }

    /** Reads one journal. A torn last line (the process died mid-write) is ignored: everything before it is intact. */
    public static Contents read(Path f) {
        RunRecord run = null;
        Plan plan = null;
        boolean finished = false;
        List<SessionRecord> sessions = new ArrayList<>();
        Map<UUID, Stored> attempts = new LinkedHashMap<>();
        Set<UUID> stored = new HashSet<>();
        Map<UUID, Partial> partial = new LinkedHashMap<>();
        Map<UUID, Slot> begun = new LinkedHashMap<>();
        List<bedside.results.ParticipantRecord> participants = new ArrayList<>();
        List<bedside.results.TaskRatingRecord> ratings = new ArrayList<>();
        List<bedside.results.SusRecord> sus = new ArrayList<>();
        List<bedside.results.MarkerRecord> markers = new ArrayList<>();
        boolean answersStored = true;
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException torn) {
                    continue;
                }
                JsonNode body = node.path("body");
                switch (node.path("kind").asText()) {
                    case "run" -> run = JSON.treeToValue(body, RunRecord.class);
                    case "finished" -> {
                        run = JSON.treeToValue(body, RunRecord.class);
                        finished = true;
                    }
                    case "plan" -> plan = JSON.treeToValue(body, Plan.class);
                    case "session" -> sessions.add(JSON.treeToValue(body, SessionRecord.class));
                    case "attempt" -> {
                        AttemptRecord a = JSON.treeToValue(body.get("attempt"), AttemptRecord.class);
                        List<EventRecord> events = List.of(JSON.treeToValue(body.get("events"), EventRecord[].class));
                        ReplayRecord replay = body.hasNonNull("replay")
                                ? new ReplayRecord(a.attemptId(), body.get("replay").binaryValue()) : null;
                        attempts.put(a.attemptId(), new Stored(a, events, replay));
                        begun.putIfAbsent(a.attemptId(), new Slot(a.candidate(), a.task(), a.attemptNo()));
                    }
                    case "stored" -> stored.add(UUID.fromString(body.path("attemptId").asText()));
                    case "participant" -> {
                        participants.add(JSON.treeToValue(body, bedside.results.ParticipantRecord.class));
                        answersStored = false;
                    }
                    case "rating" -> {
                        ratings.add(JSON.treeToValue(body, bedside.results.TaskRatingRecord.class));
                        answersStored = false;
                    }
                    case "sus" -> {
                        sus.add(JSON.treeToValue(body, bedside.results.SusRecord.class));
                        answersStored = false;
                    }
                    case "marker" -> {
                        markers.add(JSON.treeToValue(body, bedside.results.MarkerRecord.class));
                        answersStored = false;
                    }
                    case "answers-stored" -> answersStored = true;
                    case "attempt-start" -> {
                        UUID id = UUID.fromString(body.path("attemptId").asText());
                        partial.put(id, new Partial(body));
                        begun.put(id, new Slot(body.path("candidate").asText(), body.path("task").asText(),
                                body.path("attemptNo").asInt()));
                    }
                    case "clock" -> {
                        Partial p = partial.get(UUID.fromString(body.path("attemptId").asText()));
                        if (p != null) {
                            p.clock = body.path("t").asDouble();
                        }
                    }
                    case "clock-stop" -> {
                        Partial p = partial.get(UUID.fromString(body.path("attemptId").asText()));
                        if (p != null) {
                            p.clockStop = body.path("t").asDouble();
                        }
                    }
                    case "events" -> {
                        Partial p = partial.get(UUID.fromString(body.path("attemptId").asText()));
                        if (p != null) {
                            for (JsonNode e : body.path("events")) {
                                p.add(e);
                            }
                        }
                    }
                    case "replay-events" -> {
                        Partial p = partial.get(UUID.fromString(body.path("attemptId").asText()));
                        if (p != null) {
                            for (JsonNode e : body.path("events")) {
                                p.addReplay(e);
                            }
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + f, e);
        }
        for (var e : partial.entrySet()) {
            if (!attempts.containsKey(e.getKey())) {
                attempts.put(e.getKey(), e.getValue().cutOff());
            }
        }
        return new Contents(f, run, plan, List.copyOf(sessions), begun, attempts, stored, finished,
                new Answers(List.copyOf(participants), List.copyOf(ratings), List.copyOf(sus),
                        List.copyOf(markers), answersStored));
    }

    /** Every journal in {@code dir}, oldest first. */
    public static List<Contents> all(Path dir) {
        return readWhere(dir, f -> true);
    }

    /**
     * The journals in {@code dir} that {@code keep} accepts (asked with each file before it is read), read whole,
     * oldest run first.
     */
    private static List<Contents> readWhere(Path dir, java.util.function.Predicate<Path> keep) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> journals = files.filter(p -> p.toString().endsWith(".jsonl")).toList();
            List<Contents> out = new ArrayList<>();
            for (Path f : journals) {
                if (keep.test(f)) {
                    out.add(read(f));
                }
            }
            out.removeIf(c -> c.run() == null);
            out.sort(Comparator.comparing((Contents c) -> c.run().startedAt()).thenComparing(c -> c.file().toString()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journals in " + dir, e);
        }
    }

    /** The journals in {@code dir} with attempts not yet marked stored, oldest first. */
    public static List<Pending> pending(Path dir) {
        List<Pending> out = new ArrayList<>();
        for (Contents c : all(dir)) {
            List<Stored> left = c.notStored();
            if (!left.isEmpty()) {
                out.add(new Pending(c.file(), c.run(), c.sessions(), left));
            }
        }
        return out;
    }

    /**
     * The latest run with this very plan, among {@code all} (as {@link #all} read them), that did not come to its end
     * (the process was killed, the machine went down): a rerun of the same command resumes it instead of starting over.
     */
    public static java.util.Optional<Contents> unfinished(List<Contents> all, Plan plan) {
        for (int i = all.size() - 1; i >= 0; i--) {
            Contents c = all.get(i);
            if (!c.finished() && plan.equals(c.plan())) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
