package bedside.harness.demonstrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a demonstrated task's steps into a binding file's text, leaving every other line as it was (comments,
 * fragments, the task's setup and read-back): the task's {@code steps:} are replaced, or the task is added under
 * {@code tasks:} with the given setup. Values are written by a YAML emitter, so quoting is YAML's own.
 */
public final class BindingFile {
    private static final Dump FLOW = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.FLOW).setWidth(10_000)
            .setSplitLines(false).build());

    private BindingFile() {
    }

    /**
     * @param yaml      the binding file's text
     * @param task      the task's id
     * @param taskLine  the line (1-based) of the task's key in the file, or 0 when the binding does not bind it
     * @param header    comment lines put above the steps (without "#")
     * @param setup     the setup steps of a task the binding does not bind yet (ignored when it does)
     * @param steps     the demonstrated steps
     */
    public static String withSteps(String yaml, String task, int taskLine, List<String> header,
                                   List<DemonstratedSteps.Drafted> setup, List<DemonstratedSteps.Drafted> steps) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        if (taskLine > 0) {
            int k = taskLine - 1;
            int keyIndent = indent(lines.get(k));
            int end = blockEnd(lines, k, keyIndent);
            int stepsAt = -1;
            for (int i = k + 1; i < end; i++) {
                if (indent(lines.get(i)) == keyIndent + 2 && lines.get(i).strip().startsWith("steps:")) {
                    stepsAt = i;
                    break;
                }
            }
            if (stepsAt >= 0) {
                int stepsEnd = blockEnd(lines, stepsAt, keyIndent + 2);
                List<String> block = new ArrayList<>();
                header.forEach(h -> block.add(" ".repeat(keyIndent + 2) + "# " + h));
                block.add(" ".repeat(keyIndent + 2) + "steps:");
                block.addAll(stepLines(steps, keyIndent + 4));
                replace(lines, stepsAt, stepsEnd, block);
                return String.join("\n", lines);
            }
            // bound as not applicable (or without steps): the whole entry is replaced
            replace(lines, k, end, entry(task, keyIndent, header, setup, steps));
            return String.join("\n", lines);
        }
        int tasksAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("tasks:\\s*(#.*)?")) {
                tasksAt = i;
                break;
            }
        }
        if (tasksAt < 0) {
            if (!lines.get(lines.size() - 1).isEmpty()) lines.add("");
            lines.add(lines.size() - 1, "tasks:");
            tasksAt = lines.size() - 2;
        }
        int end = blockEnd(lines, tasksAt, 0);
        List<String> entry = new ArrayList<>();
        if (end > tasksAt + 1) entry.add("");
        entry.addAll(entry(task, 2, header, setup, steps));
        lines.addAll(end, entry);
        return String.join("\n", lines);
    }

    private static List<String> entry(String task, int indent, List<String> header, List<DemonstratedSteps.Drafted> setup,
                                      List<DemonstratedSteps.Drafted> steps) {
        String pad = " ".repeat(indent);
        List<String> out = new ArrayList<>();
        out.add(pad + task + ":");
        if (!setup.isEmpty()) {
            out.add(pad + "  setup:");
            out.addAll(stepLines(setup, indent + 4));
        }
        header.forEach(h -> out.add(pad + "  # " + h));
        out.add(pad + "  steps:");
        out.addAll(stepLines(steps, indent + 4));
        return out;
    }

    /** One "- action: {…}" line per step, each with its comment above it. */
    public static List<String> stepLines(List<DemonstratedSteps.Drafted> steps, int indent) {
        String pad = " ".repeat(indent);
        List<String> out = new ArrayList<>();
        for (DemonstratedSteps.Drafted d : steps) {
            if (d.comment() != null) out.add(pad + "# " + d.comment());
            Map.Entry<String, Object> e = d.step().entrySet().iterator().next();
            String value = e.getValue() == null ? "" : " " + FLOW.dumpToString(e.getValue()).strip();
            out.add(pad + "- " + e.getKey() + ":" + value);
        }
        if (steps.isEmpty()) out.add(pad + "[]");
        return out;
    }

    /** The first line after the block opened at {@code start} (deeper lines, blank lines and deeper comments). */
    private static int blockEnd(List<String> lines, int start, int keyIndent) {
        int end = start + 1;
        int lastContent = start;
        while (end < lines.size()) {
            String l = lines.get(end);
            if (!l.isBlank()) {
                if (indent(l) <= keyIndent) break;
                lastContent = end;
            }
            end++;
        }
        return lastContent + 1; // blank lines after the block stay where they are
    }

    private static void replace(List<String> lines, int from, int to, List<String> with) {
        lines.subList(from, to).clear();
        lines.addAll(from, with);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }
}
