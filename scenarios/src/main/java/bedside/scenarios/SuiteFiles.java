package bedside.scenarios;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The files of one suite as {@link SuiteLoader} read them.
 *
 * @param source   the file or folder the suite is read from (null when the given path does not exist)
 * @param folder   whether it is a suite folder (suite.yaml and bindings/), not a single-file suite
 * @param suite    the suite file, or null when there is none or it cannot be read
 * @param bindings the binding files that could be read as bytes, sorted by name
 * @param all      every file whose bytes were read, for the content hash
 */
record SuiteFiles(Path source, boolean folder, Src suite, List<Src> bindings, List<Src> all) {

    /** SHA-256 over the bytes of the suite's files, concatenated in order of their relative paths. */
    String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            all.stream().sorted((a, b) -> a.relative.compareTo(b.relative)).forEach(f -> digest.update(f.bytes));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
