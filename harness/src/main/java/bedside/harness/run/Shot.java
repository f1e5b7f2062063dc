package bedside.harness.run;

import java.nio.file.Path;

/**
 * A screenshot taken after a step (with {@code --screenshots}).
 *
 * @param step  the step it follows, e.g. {@code 3}, {@code 1.2}, {@code setup 4}
 * @param file  the PNG
 * @param doc   the recorder's id of the top-level document shown, or null if the page could not be asked
 * @param url   the page shown
 */
public record Shot(String step, Path file, String doc, String url, int width, int height) { }
