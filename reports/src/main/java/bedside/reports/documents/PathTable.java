package bedside.reports.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The distinct ways participants took through a task, with how many took each, the expert path's apart. */
public record PathTable(int followedExpert, List<Way> others) {

    public record Way(List<String> screens, int participants) {
    }

    public static PathTable of(VendorReport.Paths paths) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (List<String> p : paths.participants()) {
            counts.merge(List.copyOf(p), 1, Integer::sum);
        }
        int expert = counts.getOrDefault(paths.expert(), 0);
        List<Way> others = new ArrayList<>();
        counts.forEach((screens, n) -> {
            if (!screens.equals(paths.expert())) {
                others.add(new Way(screens, n));
            }
        });
        others.sort(Comparator.comparingInt(Way::participants).reversed());
        return new PathTable(expert, others);
    }
}
