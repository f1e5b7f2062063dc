package bedside.reports.analysis;

/**
 * A located input error, printed as {@code file:line: error: message} ({@code file: error: message} when
 * the whole file is at fault, line 0).
 *
 * @param file the file as named on the command line
 * @param line 1-based line (the header is line 1), or 0 for the whole file
 * @param message what is wrong
 */
public record InputError(String file, long line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": error: " + message : file + ": error: " + message;
    }
}
