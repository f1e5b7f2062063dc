package bedside.reports.documents;

import bedside.reports.pages.PathMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The distinct ways participants took through a task, with how many took each, the expert path's apart. */
public record PathTable(List<String> expert, int followedExpert, List<Way> others) {

    public record Way(List<String> screens, int participants) {
    }

    public static PathTable of(VendorReport.Paths paths) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (List<String> p : paths.participants()) {
            counts.merge(PathMap.collapse(p.stream().map(PathMap::screenKey).toList()), 1, Integer::sum);
        }
        List<String> expertWay = PathMap.collapse(paths.expert().stream().map(PathMap::screenKey).toList());
        int expert = counts.getOrDefault(expertWay, 0);
        List<Way> others = new ArrayList<>();
        counts.forEach((screens, n) -> {
            if (!screens.equals(expertWay)) {
                others.add(new Way(screens, n));
            }
        });
        others.sort(Comparator.comparingInt(Way::participants).reversed());
        return new PathTable(expertWay, expert, others);
    }
}
