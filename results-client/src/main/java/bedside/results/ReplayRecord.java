package bedside.results;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The DOM replay of one attempt (rrweb's events, as the page recorded them with every input and the binding's patient
 * data masked): a JSON array, gzip-compressed. Kept as its compressed bytes — what is stored, hashed into the study's
 * chain and sent — so the same replay is always the same bytes (gzip's header carries no time here).
 *
 * @param gzip the compressed JSON array (a copy is kept and handed out: the bytes never change)
 */
public record ReplayRecord(UUID attemptId, byte[] gzip) {
    public ReplayRecord {
        Objects.requireNonNull(attemptId, "attemptId");
        gzip = Objects.requireNonNull(gzip, "gzip").clone();
    }

    /** The replay of these rrweb events (each one JSON object, in the order they happened). */
    public static ReplayRecord of(UUID attemptId, List<String> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write('[');
            for (int i = 0; i < events.size(); i++) {
                if (i > 0) {
                    z.write(',');
                }
                z.write(events.get(i).getBytes(StandardCharsets.UTF_8));
            }
            z.write(']');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReplayRecord(attemptId, out.toByteArray());
    }

    @Override
    public byte[] gzip() {
        return gzip.clone();
    }

    /** The compressed size in bytes. */
    public int size() {
        return gzip.length;
    }

    /** The JSON array, decompressed. */
    public byte[] json() {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the replay of attempt " + attemptId + " is not gzip", e);
        }
    }

    /** The SHA-256 of the compressed bytes, lower-case hex: what the study's chain covers. */
    public String sha256() {
        return sha256(gzip);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayRecord r && r.attemptId.equals(attemptId) && Arrays.equals(r.gzip, gzip);
    }

    @Override
    public int hashCode() {
        return 31 * attemptId.hashCode() + Arrays.hashCode(gzip);
    }

    @Override
    public String toString() {
        return "ReplayRecord[" + attemptId + ", " + gzip.length + " bytes gzip]";
    }
}
