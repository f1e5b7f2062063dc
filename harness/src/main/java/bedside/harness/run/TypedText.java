package bedside.harness.run;

import bedside.scenarios.Binding;
import bedside.scenarios.Parameters;
import bedside.scenarios.Step;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text an attempt types: every {@code type} step's text in its reset, setup and path ({@link Parameters#expand}:
 * fragments followed, values filled in; a participant is asked to type the same values). What the replay masks
 * wherever it shows up again ({@link bedside.harness.record.TypedMask}).
 */
final class TypedText {
    private TypedText() {
    }

    static Set<String> of(Binding binding, Binding.TaskBinding path, Map<String, Object> values) {
        Set<String> out = new LinkedHashSet<>();
        for (List<Step> steps : List.of(binding.reset().steps(), path.setup(), path.steps())) {
            try {
                for (Step step : Parameters.expand(binding, steps, values)) {
                    if (step instanceof Step.Type t) {
                        out.add(t.text());
                    }
                }
            } catch (IllegalArgumentException unfilled) {
                // steps that cannot be filled in type nothing: the attempt fails on them
            }
        }
        return out;
    }
}
