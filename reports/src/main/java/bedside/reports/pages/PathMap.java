package bedside.reports.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The participants' screen paths through one task on one candidate, aggregated, as positions for the template
 * {@code chart/pathmap.jte}. Every path is reduced to its screens ({@link #screenKey}: record ids become ":id") with
 * consecutive repeats collapsed. The nodes are the distinct screens — the expert path's first, in its order, then the
 * others in order of first appearance — laid out as boxes in rows of {@value #PER_ROW}, snaking (the second row right
 * to left), so that consecutive screens of the expert path stay next to each other. The edges are the transitions
 * from one screen to the next: the expert path's (drawn even when no participant made them) and every participant's,
 * each with the number of participants who made it at least once, its stroke growing with that number. Deterministic:
 * the same paths always give the same drawing.
 *
 * @param title              what the drawing shows (the SVG's {@code <title>})
 * @param caption            e.g. "5 participants; 2 followed the expert path exactly"
 * @param expertPath         the expert's collapsed path (screen keys)
 * @param nodes              the screens, in the order described above
 * @param edges              every transition, in drawing order: those off the expert path first, then the expert's
 * @param participants       how many participant paths were given
 * @param followedExpertPath how many of them, collapsed, equal the expert's collapsed path (0 when it is empty)
 * @param transitions        the table: every transition by participants, most first (then the expert path's, then in
 *                           order of first appearance)
 */
public record PathMap(String title, String caption, int width, int height, List<String> expertPath, List<Node> nodes,
                      List<Edge> edges, int participants, int followedExpertPath, List<Transition> transitions) {

    /**
     * A screen.
     *
     * @param screen       its key
     * @param x            the box's left edge; {@code y} its top
     * @param label        its name as shown, in one or two lines ({@code title} has it whole)
     * @param participants how many participants reached it
     * @param title        tooltip
     */
    public record Node(String screen, double x, double y, double width, double height, List<Line> label,
                       boolean onExpertPath, int participants, String title) {

        public double cx() {
            return x + width / 2;
        }

        public double cy() {
            return y + height / 2;
        }
    }

    /** One line of text at baseline {@code y}. */
    public record Line(double y, String text) {
    }

    /**
     * A transition as drawn.
     *
     * @param d           the SVG path (a line or a quadratic curve) from the box of {@code from} to the arrow
     * @param arrow       the arrowhead's polygon points at the box of {@code to}
     * @param strokeWidth 1.5 to 6, growing with {@code participants}
     * @param labelX      where its count is written; {@code labelY} likewise
     * @param title       tooltip
     */
    public record Edge(String from, String to, int participants, boolean onExpertPath, String d, String arrow,
                       double strokeWidth, double labelX, double labelY, String title) {
    }

    /** A row of the transition table. */
    public record Transition(String from, String to, int participants, boolean onExpertPath) {
    }

    public static final String EXPERT_COLOR = "#2b6cb0";
    public static final String OTHER_COLOR = "#c05621";
    public static final int PER_ROW = 5;
    static final int WIDTH = 660;
    static final double MARGIN = 16;
    static final double BOX_W = 96;
    static final double BOX_H = 36;
    static final double GAP = (WIDTH - 2 * MARGIN - PER_ROW * BOX_W) / (PER_ROW - 1);
    static final double ROW_H = 104;
    static final double TOP = 60;
    private static final int LINE_CHARS = 16;  // of 10 px text in a box

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX_ID = Pattern.compile("(?=[^/]*\\d)[0-9a-fA-F]{16,}");
    private static final Pattern ORIGIN = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*");

    /**
     * A screen's key: a route with its record ids replaced, so that the same screen of two patients is one screen.
     * The origin ({@code http://host:port}), query and fragment are dropped (a fragment route, {@code /#/x}, is the
     * route), then every path segment that is all digits, a UUID or a hex id of 16 or more characters becomes
     * {@code :id}, and a trailing slash goes: {@code http://localhost:5123/patients/123/allergies?tab=2} →
     * {@code /patients/:id/allergies}. A name without a slash (a screen named in words) is only trimmed.
     */
    public static String screenKey(String screen) {
        if (screen == null) {
            return "";
        }
        String s = screen.strip();
        if (s.indexOf('/') < 0) {
            return s;
        }
        s = ORIGIN.matcher(s).replaceFirst("");
        int hash = s.indexOf('#');
        if (hash >= 0) {
            String fragment = s.substring(hash + 1);
            s = fragment.startsWith("/") ? fragment : s.substring(0, hash);
        }
        int query = s.indexOf('?');
        if (query >= 0) {
            s = s.substring(0, query);
        }
        String[] parts = s.split("/", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (DIGITS.matcher(p).matches() || UUID.matcher(p).matches() || HEX_ID.matcher(p).matches()) {
                p = ":id";
            }
            b.append(i == 0 ? "" : "/").append(p);
        }
        String key = b.toString();
        while (key.length() > 1 && key.endsWith("/")) {
            key = key.substring(0, key.length() - 1);
        }
        return key.isEmpty() ? "/" : key;
    }

    /** A path's screen keys with consecutive repeats (and blank screens) left out. */
    public static List<String> collapse(List<String> path) {
        List<String> out = new ArrayList<>();
        for (String s : path == null ? List.<String>of() : path) {
            String k = screenKey(s);
            if (!k.isEmpty() && (out.isEmpty() || !out.get(out.size() - 1).equals(k))) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The map of {@code participantPaths} against {@code expertPath} (see the class documentation).
     *
     * @param expertPath       the expert's screens in order (routes or names), may be empty
     * @param participantPaths each participant's screens in order, one list per participant
     */
    public static PathMap of(List<String> expertPath, List<List<String>> participantPaths) {
        List<String> expert = collapse(expertPath);
        List<List<String>> paths = participantPaths.stream().map(PathMap::collapse).toList();

        Set<String> expertEdges = new LinkedHashSet<>();
        for (int i = 0; i + 1 < expert.size(); i++) {
            expertEdges.add(expert.get(i) + "\u0000" + expert.get(i + 1));
        }
        // screens and transitions in order of first appearance, the expert's first
        Set<String> screens = new LinkedHashSet<>(expert);
        Map<String, Integer> visits = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        expertEdges.forEach(e -> counts.put(e, 0));
        int followed = 0;
        for (List<String> p : paths) {
            screens.addAll(p);
            new LinkedHashSet<>(p).forEach(s -> visits.merge(s, 1, Integer::sum));
            Set<String> mine = new LinkedHashSet<>();
            for (int i = 0; i + 1 < p.size(); i++) {
                mine.add(p.get(i) + "\u0000" + p.get(i + 1));
            }
            mine.forEach(e -> counts.merge(e, 1, Integer::sum));
            if (!expert.isEmpty() && p.equals(expert)) {
                followed++;
            }
        }

        // nodes, snaking in rows of PER_ROW
        Set<String> onExpert = new LinkedHashSet<>(expert);
        List<Node> nodes = new ArrayList<>();
        Map<String, Node> byScreen = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        int i = 0;
        for (String s : screens) {
            int row = i / PER_ROW;
            int col = row % 2 == 0 ? i % PER_ROW : PER_ROW - 1 - i % PER_ROW;
            double x = MARGIN + col * (BOX_W + GAP);
            double y = TOP + row * ROW_H;
            int n = visits.getOrDefault(s, 0);
            String title = s + ": reached by " + n + " of " + paths.size() + " participant" + (paths.size() == 1 ? "" : "s")
                    + (onExpert.contains(s) ? "; on the expert path (step " + (expert.indexOf(s) + 1) + ")" : "");
            Node node = new Node(s, x, y, BOX_W, BOX_H, label(s, y), onExpert.contains(s), n, title);
            nodes.add(node);
            byScreen.put(s, node);
            index.put(s, i);
            i++;
        }

        // transitions: the table, then the edges as drawn
        List<Transition> table = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] ft = k.split("\u0000", 2);
            table.add(new Transition(ft[0], ft[1], n, expertEdges.contains(k)));
        });
        List<Transition> byOrder = List.copyOf(table);
        table.sort(Comparator.comparingInt(Transition::participants).reversed()
                .thenComparing(t -> !t.onExpertPath()));   // stable: then first appearance
        int max = table.stream().mapToInt(Transition::participants).max().orElse(0);
        List<Edge> edges = new ArrayList<>();
        for (boolean expertPass : new boolean[] {false, true}) {
            for (Transition t : byOrder) {
                if (t.onExpertPath() == expertPass) {
                    boolean reverse = counts.containsKey(t.to() + "\u0000" + t.from());
                    edges.add(edge(t, byScreen.get(t.from()), byScreen.get(t.to()),
                            index.get(t.to()) == index.get(t.from()) + 1, reverse, max, paths.size(), nodes));
                }
            }
        }

        int rows = Math.max(1, (screens.size() + PER_ROW - 1) / PER_ROW);
        int height = (int) Math.ceil(TOP + (rows - 1) * ROW_H + BOX_H + 40);
        String caption = paths.size() + " participant" + (paths.size() == 1 ? "" : "s") + "; " + followed
                + " followed the expert path exactly";
        String title = "Screen paths: " + caption + "; " + screens.size() + " screen" + (screens.size() == 1 ? "" : "s")
                + ", " + table.size() + " transition" + (table.size() == 1 ? "" : "s");
        return new PathMap(title, caption, WIDTH, height, expert, List.copyOf(nodes), List.copyOf(edges), paths.size(),
                followed, List.copyOf(table));
    }

    /**
     * The edge from {@code a} to {@code b}: straight when {@code b} is the next box in the layout and there is no
     * transition back, else a curve bending to the left of its direction (so a transition and its reverse bend apart,
     * and a long one clears the boxes between) — or to the right, for a transition without a reverse, when that
     * crosses fewer boxes.
     */
    private static Edge edge(Transition t, Node a, Node b, boolean next, boolean reverse, int max, int participants,
                             List<Node> nodes) {
        double x1 = a.cx();
        double y1 = a.cy();
        double x2 = b.cx();
        double y2 = b.cy();
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.hypot(dx, dy);
        double nx = dy / len;     // the left-hand normal in SVG's y-down coordinates
        double ny = -dx / len;
        double bend = next && !reverse ? 0 : Math.min(64, 22 + 0.12 * len);
        if (bend != 0 && !reverse && crossings(a, b, -bend, nodes) < crossings(a, b, bend, nodes)) {
            bend = -bend;
        }
        double qx = (x1 + x2) / 2 + nx * bend;
        double qy = (y1 + y2) / 2 + ny * bend;
        double[] s = border(a, qx - x1, qy - y1);
        double[] e = border(b, qx - x2, qy - y2);
        double sw = t.participants() == 0 ? 1.5 : 1.5 + 4.5 * t.participants() / Math.max(1, max);
        // the arrow: its tip on b's border, the line stopping at its base
        double ux = e[0] - (bend == 0 ? s[0] : qx);
        double uy = e[1] - (bend == 0 ? s[1] : qy);
        double ul = Math.hypot(ux, uy);
        ux /= ul;
        uy /= ul;
        double head = 7 + sw;
        double half = 3.5 + sw / 2;
        double bx = e[0] - ux * head;
        double by = e[1] - uy * head;
        String arrow = Fmt.px(e[0]) + "," + Fmt.px(e[1]) + " " + Fmt.px(bx - uy * half) + "," + Fmt.px(by + ux * half)
                + " " + Fmt.px(bx + uy * half) + "," + Fmt.px(by - ux * half);
        double ex = e[0] - ux * (head - 1);
        double ey = e[1] - uy * (head - 1);
        String d = bend == 0
                ? "M" + Fmt.px(s[0]) + " " + Fmt.px(s[1]) + " L" + Fmt.px(ex) + " " + Fmt.px(ey)
                : "M" + Fmt.px(s[0]) + " " + Fmt.px(s[1]) + " Q" + Fmt.px(qx) + " " + Fmt.px(qy) + " " + Fmt.px(ex)
                        + " " + Fmt.px(ey);
        // the count at the curve's middle: B(½) = ¼·start + ½·control + ¼·end
        double lx = bend == 0 ? (s[0] + e[0]) / 2 : 0.25 * s[0] + 0.5 * qx + 0.25 * e[0];
        double ly = bend == 0 ? (s[1] + e[1]) / 2 : 0.25 * s[1] + 0.5 * qy + 0.25 * e[1];
        String title = t.from() + " → " + t.to() + ": " + t.participants() + " of " + participants + " participant"
                + (participants == 1 ? "" : "s") + (t.onExpertPath() ? " (expert path)" : " (off the expert path)");
        return new Edge(t.from(), t.to(), t.participants(), t.onExpertPath(), d, arrow, sw, lx, ly, title);
    }

    /** How many points of the curve from {@code a} to {@code b} bent by {@code bend} fall in other boxes. */
    private static int crossings(Node a, Node b, double bend, List<Node> nodes) {
        double dx = b.cx() - a.cx();
        double dy = b.cy() - a.cy();
        double len = Math.hypot(dx, dy);
        double qx = (a.cx() + b.cx()) / 2 + dy / len * bend;
        double qy = (a.cy() + b.cy()) / 2 - dx / len * bend;
        int hits = 0;
        for (int k = 1; k < 10; k++) {
            double t = k / 10.0;
            double x = (1 - t) * (1 - t) * a.cx() + 2 * t * (1 - t) * qx + t * t * b.cx();
            double y = (1 - t) * (1 - t) * a.cy() + 2 * t * (1 - t) * qy + t * t * b.cy();
            for (Node n : nodes) {
                if (n != a && n != b && x >= n.x() - 4 && x <= n.x() + n.width() + 4 && y >= n.y() - 4
                        && y <= n.y() + n.height() + 4) {
                    hits++;
                }
            }
        }
        return hits;
    }

    /** Where the ray from {@code n}'s centre in direction (ux, uy) leaves its box. */
    private static double[] border(Node n, double ux, double uy) {
        double hw = n.width() / 2;
        double hh = n.height() / 2;
        double t = Math.min(ux == 0 ? Double.POSITIVE_INFINITY : hw / Math.abs(ux),
                uy == 0 ? Double.POSITIVE_INFINITY : hh / Math.abs(uy));
        return new double[] {n.cx() + ux * t, n.cy() + uy * t};
    }

    /** A screen key in one line, or two split at a slash, each at most {@value #LINE_CHARS} characters. */
    static List<Line> label(String s, double top) {
        double mid = top + BOX_H / 2;
        if (s.length() <= LINE_CHARS) {
            return List.of(new Line(mid + 3.5, s));
        }
        int cut = s.lastIndexOf('/', LINE_CHARS);
        if (cut <= 0) {
            cut = LINE_CHARS - 1;
        }
        String first = s.substring(0, cut);
        String second = s.substring(cut);
        if (first.length() > LINE_CHARS) {
            first = first.substring(0, LINE_CHARS - 1) + "…";
        }
        if (second.length() > LINE_CHARS) {
            second = "…" + second.substring(second.length() - (LINE_CHARS - 1));
        }
        return List.of(new Line(mid - 2.5, first), new Line(mid + 9.5, second));
    }
}
