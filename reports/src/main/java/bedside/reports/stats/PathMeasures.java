package bedside.reports.stats;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How far a participant's way through a task was from the expert path, as usability reports state it (NISTIR 7742's
 * task table, the CHPL: observed ÷ optimal; Maze: direct and indirect success; Smith 1996: lostness). Pure: screens
 * and counts in, figures out.
 */
public final class PathMeasures {
    private PathMeasures() {}

    /**
     * Path deviation: the participant's actions ÷ the expert path's (1 = as few as the expert path; 1.5 = half as many
     * again). NaN when the expert path has none.
     */
    public static double pathDeviation(long actions, long expertActions) {
        return expertActions <= 0 ? Double.NaN : (double) actions / expertActions;
    }

    /** Time deviation: the participant's task time ÷ the optimal time (the expert path's KLM time). NaN without one. */
    public static double timeDeviation(double timeMs, double optimalMs) {
        return optimalMs <= 0 ? Double.NaN : timeMs / optimalMs;
    }

    /**
     * Lostness (Smith 1996): L = √((N/S − 1)² + (R/N − 1)²), where S is the number of screens visited (revisits
     * counted), N the number of different screens visited and R the minimum number of screens the task needs (the
     * expert path's different screens). For an expert path that comes back to a screen itself, see
     * {@link #lostness(List, int, int)}. 0 is a perfect path; above about 0.4 a participant is taken to be lost
     * (Smith's observation, to be read with the sessions' recordings). NaN when nothing was visited.
     *
     * @param visited the screens in the order visited
     * @param minimum R, the screens the task needs at least
     */
    public static double lostness(List<String> visited, int minimum) {
        return lostness(visited, minimum, 0);
    }

    /**
     * Lostness against an expert path that itself comes back to a screen: a hub the task must pass twice (a generic
     * UI's one resource page, opened first for the patient and then for the resource to create). Smith's S assumes
     * the shortest way visits each screen once, so such an expert path would score itself as lost (HAPI FHIR's
     * tester: / → /resource → /search → /resource → /create, N/S = 4/5, lostness 0.20 on the expert path exactly).
     * The revisits the task needs are therefore not counted in S: S' = max(N, S − {@code neededRevisits}). With none
     * needed this is Smith's formula as it stands.
     *
     * @param visited        the screens in the order visited
     * @param minimum        R, the different screens the task needs at least (the expert path's)
     * @param neededRevisits the expert path's own revisits (its screens visited less its different screens), 0 or more
     */
    public static double lostness(List<String> visited, int minimum, int neededRevisits) {
        int n = new LinkedHashSet<>(visited).size();
        int s = Math.max(n, visited.size() - Math.max(0, neededRevisits));
        if (s == 0 || n == 0 || minimum <= 0) {
            return Double.NaN;
        }
        double a = (double) n / s - 1;
        double b = (double) minimum / n - 1;
        return Math.sqrt(a * a + b * b);
    }

    /** How a task succeeded: without leaving the expert path's screens (direct) or after detours (indirect). */
    public enum Success { DIRECT, INDIRECT, NONE }

    /**
     * Direct success: the task succeeded and every screen visited is one of the expert path's; indirect: it succeeded
     * after visiting others.
     */
    public static Success success(boolean succeeded, Collection<String> visited, Collection<String> expertScreens) {
        if (!succeeded) {
            return Success.NONE;
        }
        Set<String> path = Set.copyOf(expertScreens);
        return path.containsAll(visited) ? Success.DIRECT : Success.INDIRECT;
    }

    /**
     * A view's identity: the URL without query or fragment (one chart screen, whichever patient) — unless the fragment
     * is a hash router's route ({@code #/patients/1}, {@code #!/chart}), which is the view.
     */
    public static String screen(String url) {
        if (url == null) {
            return "?";
        }
        try {
            URI u = URI.create(url);
            String path = u.getPath() == null || u.getPath().isEmpty() ? (u.isOpaque() ? url : "/") : u.getPath();
            String fragment = u.getFragment();
            if (fragment != null && (fragment.startsWith("/") || fragment.startsWith("!/"))) {
                String route = fragment.startsWith("!") ? fragment.substring(1) : fragment;
                int query = route.indexOf('?');
                return path + "#" + (query < 0 ? route : route.substring(0, query));
            }
            return u.isOpaque() ? url : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
