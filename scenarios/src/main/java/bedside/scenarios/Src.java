package bedside.scenarios;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * One suite file as read: its bytes for the hash, its text for positions, its YAML node tree. Filled by
 * {@link SuiteLoader}; everything else only reads it.
 */
final class Src {
    final Path path;
    final String relative;
    final byte[] bytes;
    /** Null when the file is not UTF-8 text. */
    String text;
    int[] lineStarts;
    /** Null when the file is empty or not YAML. */
    Node root;

    Src(Path path, String relative, byte[] bytes) {
        this.path = path;
        this.relative = relative;
        this.bytes = bytes;
    }

    Position at(Node node) {
        Optional<Mark> mark = node == null ? Optional.empty() : node.getStartMark();
        return mark.map(m -> new Position(path, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Position(path, 1, 1));
    }

    Position at(Mark mark) {
        return new Position(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    int offset(Mark mark) {
        int line = Math.min(mark.getLine(), lineStarts.length - 1);
        int start = lineStarts[line];
        try {
            return Math.min(text.offsetByCodePoints(start, mark.getColumn()), text.length());
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    Position atOffset(int offset) {
        int line = Arrays.binarySearch(lineStarts, offset);
        if (line < 0) line = -line - 2;
        int column = text.codePointCount(lineStarts[line], offset) + 1;
        return new Position(path, line + 1, column);
    }

    void index() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                starts.add(i + 1);
            } else if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Where a {@code ${...}} of a scalar stands in the file: found in the source text, else the scalar's start.
     * Marks only give the scalar's start, and quoting or folding can shift the parameter within it.
     */
    Position locate(ScalarNode node, String value, Parameters.Reference ref) {
        String token = value.substring(ref.start(), ref.end());
        int occurrence = 0;
        int from = value.indexOf(token);
        while (from >= 0 && from < ref.start()) {
            occurrence++;
            from = value.indexOf(token, from + 1);
        }
        Optional<Mark> start = node.getStartMark();
        Optional<Mark> end = node.getEndMark();
        if (start.isEmpty() || end.isEmpty() || text == null) return at(node);
        int a = offset(start.get());
        int b = Math.max(a, offset(end.get()));
        String slice = text.substring(a, b);
        int idx = -1;
        for (int k = 0; k <= occurrence; k++) {
            idx = slice.indexOf(token, idx + 1);
            if (idx < 0) return at(node);
        }
        return atOffset(a + idx);
    }
}
