package bedside.reports.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * The clicks of every participant on one screen (for one candidate and task), aggregated, as positions for the
 * template {@code chart/clickcloud.jte}: the viewport as a frame of its proportions (with the screen itself, faded,
 * when a picture of it in that viewport is known: {@link #over}),
 * {@value #FRAME_WIDTH} px wide (narrower when that would make it taller than {@value #MAX_FRAME_HEIGHT} px), the
 * participants' clicks as semi-transparent dots (misclicks in another colour), where they pile up darker, and the
 * expert's clicks as numbered rings on top.
 *
 * @param screen         the screen (as the caption names it)
 * @param viewportWidth  the viewport in CSS pixels; {@code viewportHeight} likewise
 * @param participants   how many participants the clicks are from, or null when not known
 * @param scale          drawing pixels per CSS pixel
 * @param frameX         the frame's left edge in the drawing; {@code frameY} its top
 * @param dots           the participants' clicks, in the order given
 * @param rings          the expert's clicks, numbered from 1 in the order given
 * @param legend         the keys under the frame (the expert's only where the expert's clicks are drawn)
 * @param title          what the drawing shows (the SVG's {@code <title>})
 * @param caption        "N clicks by P participants on SCREEN" ("N clicks on SCREEN" when P is not known)
 * @param background     the screen as a data address (a JPEG or PNG of exactly the viewport), drawn in the frame under
 *                       the clicks; null when no picture of it is known
 */
public record ClickCloud(String screen, int viewportWidth, int viewportHeight, Integer participants, double scale,
                         int width, int height, double frameX, double frameY, double frameWidth, double frameHeight,
                         List<Dot> dots, List<Ring> rings, List<Key> legend, String title, String caption,
                         String background) {

    public ClickCloud {
        if (background != null && !Pages.IMAGE.matcher(background).matches()) {
            throw new IllegalArgumentException("a click map's background is a base64 JPEG or PNG data address");
        }
    }

    /** The same drawing, with {@code note} added to its caption and title (what it leaves out, and why). */
    public ClickCloud noting(String note) {
        return new ClickCloud(screen, viewportWidth, viewportHeight, participants, scale, width, height, frameX, frameY,
                frameWidth, frameHeight, dots, rings, legend, title + "; " + note, caption + "; " + note, background);
    }

    /**
     * The same clicks drawn on the screen itself.
     *
     * @param picture a picture of the screen as it was shown in this cloud's viewport, as a data address
     * @param what    what the picture is, for the caption (e.g. "the screen as first shown to a participant")
     */
    public ClickCloud over(String picture, String what) {
        return new ClickCloud(screen, viewportWidth, viewportHeight, participants, scale, width, height, frameX, frameY,
                frameWidth, frameHeight, dots, rings, legend, title + "; drawn on " + what, caption + ", drawn on "
                + what, picture);
    }

    /**
     * A click in viewport CSS pixels (from the top-left corner).
     *
     * @param target   what was clicked as the recorder named it, or null
     * @param misclick whether it hit nothing the task needed
     */
    public record Click(double x, double y, String target, boolean misclick) {
    }

    /** A participant's click as drawn; {@code title} names its target. */
    public record Dot(double x, double y, boolean misclick, String title) {
    }

    /** The expert's {@code n}-th click as drawn. */
    public record Ring(int n, double x, double y, String title) {
    }

    /** @param kind "click", "misclick" or "expert": what the key's mark looks like */
    public record Key(double x, double y, String kind, String label) {
    }

    public static final String CLICK_COLOR = "#3182ce";
    public static final String MISCLICK_COLOR = "#e53e3e";
    public static final String EXPERT_COLOR = "#1a202c";
    static final int FRAME_WIDTH = 480;
    static final int MAX_FRAME_HEIGHT = 600;
    static final double PAD = 10;
    static final double LEGEND = 30;

    /**
     * The cloud of {@code participantClicks} (from any number of participants, not known) and {@code expertClicks}.
     *
     * @param viewportWidth  CSS pixels, &gt; 0; {@code viewportHeight} likewise. A click outside the viewport is
     *                       drawn on its edge
     */
    public static ClickCloud of(String screen, int viewportWidth, int viewportHeight, List<Click> participantClicks,
                                List<Click> expertClicks) {
        return build(screen, viewportWidth, viewportHeight, null, participantClicks, expertClicks);
    }

    /** The cloud of the clicks of each participant, one list per participant (who may have made none here). */
    public static ClickCloud ofParticipants(String screen, int viewportWidth, int viewportHeight,
                                            List<List<Click>> clicksByParticipant, List<Click> expertClicks) {
        return build(screen, viewportWidth, viewportHeight, clicksByParticipant.size(),
                clicksByParticipant.stream().flatMap(List::stream).toList(), expertClicks);
    }

    private static ClickCloud build(String screen, int vw, int vh, Integer participants, List<Click> clicks,
                                    List<Click> expert) {
        if (vw <= 0 || vh <= 0) {
            throw new IllegalArgumentException("a viewport of " + vw + " × " + vh + " CSS pixels");
        }
        double scale = Math.min((double) FRAME_WIDTH / vw, (double) MAX_FRAME_HEIGHT / vh);
        double fw = vw * scale;
        double fh = vh * scale;
        List<Dot> dots = new ArrayList<>();
        int misclicks = 0;
        for (Click c : clicks) {
            misclicks += c.misclick() ? 1 : 0;
            String target = c.target() == null || c.target().isBlank() ? "no named target" : c.target();
            dots.add(new Dot(PAD + scale * clamp(c.x(), vw), PAD + scale * clamp(c.y(), vh), c.misclick(),
                    (c.misclick() ? "misclick: " : "click: ") + target));
        }
        List<Ring> rings = new ArrayList<>();
        for (int i = 0; i < expert.size(); i++) {
            Click c = expert.get(i);
            rings.add(new Ring(i + 1, PAD + scale * clamp(c.x(), vw), PAD + scale * clamp(c.y(), vh),
                    "expert click " + (i + 1) + (c.target() == null || c.target().isBlank() ? "" : ": " + c.target())));
        }
        int width = (int) Math.ceil(Math.max(fw, 380) + 2 * PAD);
        int height = (int) Math.ceil(fh + 2 * PAD + LEGEND);
        double ly = PAD + fh + 20;
        List<Key> legend = new ArrayList<>(List.of(new Key(PAD + 6, ly, "click", "participant click"),
                new Key(PAD + 126, ly, "misclick", "misclick")));
        if (!rings.isEmpty()) {
            legend.add(new Key(PAD + 206, ly, "expert", "expert click (in order)"));
        }
        String caption = count(clicks.size(), "click") + (participants == null ? "" : " by " + count(participants,
                "participant")) + " on " + screen;
        String title = caption + " (" + count(misclicks, "misclick") + "), over the expert's " + count(expert.size(),
                "click") + "; viewport " + vw + " × " + vh + " CSS pixels";
        return new ClickCloud(screen, vw, vh, participants, scale, width, height, PAD, PAD, fw, fh, List.copyOf(dots),
                List.copyOf(rings), List.copyOf(legend), title, caption, null);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static double clamp(double v, double max) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(max, v));
    }
}
