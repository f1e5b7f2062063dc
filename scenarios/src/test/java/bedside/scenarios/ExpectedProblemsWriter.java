package bedside.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes the expected problems of broken cases from what the reader reports now, for a new case or after a
 * deliberate message change: {@code java ... ExpectedProblemsWriter src/test/resources/broken new-case.yaml}.
 * Review every written line (position, message, hint) before committing it: the file is the test's truth.
 */
public final class ExpectedProblemsWriter {
    public static void main(String[] args) throws Exception {
        Path broken = Path.of(args[0]);
        for (String name : Arrays.copyOfRange(args, 1, args.length)) {
            Path p = broken.resolve(name);
            ReadResult r = SuiteReader.read(p);
            String text = r.problems().stream().map(x -> x.format(broken)).collect(Collectors.joining("\n")) + "\n";
            Path out = Files.isDirectory(p) ? p.resolve("expected.txt") : broken.resolve(name.replaceFirst("\\.yaml$", ".expected"));
            Files.writeString(out, text);
            System.out.print("=== " + out + "\n" + text);
        }
    }
}
