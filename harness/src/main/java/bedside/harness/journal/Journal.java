package bedside.harness.journal;

import bedside.results.AttemptRecord;
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
 * <p>Lines: {@code {"kind":"run",...}}, {@code "session"}, {@code "attempt"} (with its events),
 * {@code "stored"} (the attempt id that reached the store), {@code "finished"}.
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
        ObjectNode node = JSON.createObjectNode();
        node.set("attempt", JSON.valueToTree(attempt));
        node.set("events", JSON.valueToTree(events));
        append("attempt", node);
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

    public record Stored(AttemptRecord attempt, List<EventRecord> events) {}

    /**
     * Reads every journal in {@code dir} and returns those with attempts not yet marked stored. A torn last
     * line (the process died mid-write) is ignored: everything before it is intact.
     */
    public static List<Pending> pending(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Pending> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                RunRecord run = null;
                List<SessionRecord> sessions = new ArrayList<>();
                Map<UUID, Stored> attempts = new LinkedHashMap<>();
                Set<UUID> stored = new HashSet<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    JsonNode node;
                    try {
                        node = JSON.readTree(line);
                    } catch (IOException torn) {
                        continue;
                    }
                    JsonNode body = node.path("body");
                    switch (node.path("kind").asText()) {
                        case "run", "finished" -> run = JSON.treeToValue(body, RunRecord.class);
                        case "session" -> sessions.add(JSON.treeToValue(body, SessionRecord.class));
                        case "attempt" -> {
                            AttemptRecord a = JSON.treeToValue(body.get("attempt"), AttemptRecord.class);
                            List<EventRecord> events = List.of(JSON.treeToValue(body.get("events"), EventRecord[].class));
                            attempts.put(a.attemptId(), new Stored(a, events));
                        }
                        case "stored" -> stored.add(UUID.fromString(body.path("attemptId").asText()));
                        default -> { }
                    }
                }
                attempts.keySet().removeAll(stored);
                if (run != null && !attempts.isEmpty()) {
                    out.add(new Pending(f, run, sessions, List.copyOf(attempts.values())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journals in " + dir, e);
        }
        return out;
    }
}
