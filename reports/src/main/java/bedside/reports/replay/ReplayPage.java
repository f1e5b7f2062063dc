package bedside.reports.replay;

import java.util.List;

/**
 * The page that plays an attempt's DOM replay (template {@code replay/player.jte}): rrweb-player and its style sheet
 * inlined (they ship inside Bedside: nothing is fetched), the replay's compressed bytes inlined in base64 (the page
 * unpacks them with the browser's own DecompressionStream), and the attempt's marks under the player and on its
 * timeline. Unlike every other page it runs scripts: the player's, and a few lines that start it.
 *
 * @param heading     e.g. {@code record-allergy on streamlined, attempt 1}
 * @param facts       the attempt in a line: its outcome, reason, time, participant
 * @param playerJs    rrweb-player's bundle (a constant of the build)
 * @param playerCss   its style sheet (a constant of the build)
 * @param replayGzip  the replay's gzip bytes, base64
 * @param marks       what happened when, in the order it happened
 * @param simulated   the attempt was a simulated participant's: the page says so, as every page that shows one does
 */
public record ReplayPage(String heading, String facts, String playerJs, String playerCss, String replayGzip,
                         List<Mark> marks, boolean simulated) {

    /**
     * One thing that happened during the attempt, on the player's timeline and in the list under it.
     *
     * @param at    when, in epoch ms (the clock the replay's events carry)
     * @param tMs   when, in ms from the attempt's clock start (negative: during its setup)
     * @param kind  what sort: the recorder's events ({@code click}, {@code typing}, {@code screen}, {@code dialog},
     *              {@code notice}: a warning; {@code misclick}: a press on nothing to act on), {@code error} (a validation message, a page error, a failed request), {@code clock}, or an
     *              observer's marker kind
     *              ({@code slip}, {@code mistake}, {@code critical}, {@code assist}, {@code note})
     * @param label what it was, in words
     */
    public record Mark(long at, double tMs, String kind, String label) {
        /**
         * The kind as the list shows it beside the label, or null where the label already says it (a click, a new
         * screen, a dialog, a notice); errors and the observer's marks are always named.
         */
        public String shownKind() {
            return switch (kind) {
                case "click", "typing", "screen", "dialog", "notice" -> null;
                default -> kind;
            };
        }

        /** {@code 12.3 s}, or {@code setup} before the clock started. */
        public String when() {
            return tMs < 0 ? "setup" : String.format(java.util.Locale.ROOT, "%.1f s", tMs / 1000);
        }
    }
}
