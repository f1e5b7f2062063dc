package bedside.reports.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads ATTEMPTS.csv, SUS.csv, WEIGHTS.csv and NOT_APPLICABLE.csv (Commons CSV, RFC 4180, UTF-8, optional BOM) and
 * checks them, collecting every error with its file and line instead of stopping at the first. Columns may come in
 * any order; header names are matched case-insensitively; unknown columns are ignored; blank lines are skipped.
 * See reports/README.md for the columns and rules.
 *
 * <p>Longer than most files here (~700 lines) on purpose: the four readers share one row reader, one way of
 * locating errors and the value parsers, and each file's rules — mirrored line by line by the README's list of
 * error messages — read best side by side. Writing the files is {@link StudyCsvExport}'s.
 */
public final class StudyCsv {
    /** Required columns of ATTEMPTS.csv. */
    public static final List<String> ATTEMPT_REQUIRED = List.of("participant", "candidate", "task", "success", "time_s",
            "errors");
    /** Optional columns of ATTEMPTS.csv. */
    public static final List<String> ATTEMPT_OPTIONAL = List.of("rating", "rating_scale", "steps", "optimal_steps",
            "optimal_time_s", "time_spec_s", "critical_errors", "error_opportunities", "outcome", "simulated");
    /** Outcomes the {@code outcome} column takes: the scored ones, then those never scored ({@link Exclusion}). */
    public static final List<String> OUTCOMES = List.of("success", "failure", "critical-use-error", "system-error",
            "script-error", "not-checked");

    private static final java.util.regex.Pattern POSITIVE =
            java.util.regex.Pattern.compile("[+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[+]?[0-9]{1,9}");

    private StudyCsv() {
    }

    /**
     * Parsed rows and errors; when {@code errors} is non-empty the rows must not be analysed.
     *
     * @param rows the valid rows read (in file order; for ATTEMPTS.csv none when there are errors)
     * @param lines the line each row started on
     * @param errors every error found
     */
    public record Parsed<T>(List<T> rows, List<Long> lines, List<InputError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A row of a CSV file with header lookup and its starting line. */
    private static final class Row {
        final Map<String, Integer> header;
        final CSVRecord rec;
        final long line;

        Row(Map<String, Integer> header, CSVRecord rec, long line) {
            this.header = header;
            this.rec = rec;
            this.line = line;
        }

        boolean has(String col) {
            return header.containsKey(col);
        }

        /** Trimmed value, "" when the column is absent. */
        String get(String col) {
            Integer i = header.get(col);
            return i == null ? "" : rec.get(i).trim();
        }
    }

    /** Reads the header and rows of one file, reporting structural problems. Returns null if unreadable. */
    /**
     * Whether an ATTEMPTS.csv that {@link #readAttempts} accepted holds simulated attempts (its {@code simulated} column
     * says 1 on every row).
     */
    public static boolean simulated(Path path, String label) {
        List<Row> rows = readRows(path, label, ATTEMPT_REQUIRED, new ArrayList<>());
        return rows != null && !rows.isEmpty() && Boolean.TRUE.equals(parseBool(rows.get(0).get("simulated")));
    }

    private static List<Row> readRows(Path path, String label, List<String> required, List<InputError> errors) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            errors.add(new InputError(label, 0, "no such file"));
            return null;
        } catch (CharacterCodingException e) {
            errors.add(new InputError(label, 0, "not UTF-8 text"));
            return null;
        } catch (IOException e) {
            errors.add(new InputError(label, 0, "cannot read: " + e.getMessage()));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> header = null;
        int headerSize = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord rec : parser) {
                long pos = rec.getCharacterPosition();
                while (pos < text.length() && (text.charAt((int) pos) == '\n' || text.charAt((int) pos) == '\r')) {
                    pos++; // skipped blank lines are counted in the record's start position
                }
                long line = lineOf(lineStarts, pos);
                if (header == null) {
                    header = new HashMap<>();
                    headerSize = rec.size();
                    for (int i = 0; i < rec.size(); i++) {
                        String name = rec.get(i).trim().toLowerCase(Locale.ROOT);
                        if (name.isEmpty()) {
                            continue;
                        }
                        if (header.put(name, i) != null) {
                            errors.add(new InputError(label, line, "duplicate column " + show(name)));
                        }
                    }
                    boolean missing = false;
                    for (String col : required) {
                        if (!header.containsKey(col)) {
                            errors.add(new InputError(label, line, "missing column " + show(col)));
                            missing = true;
                        }
                    }
                    if (missing) {
                        return null;
                    }
                    continue;
                }
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (rec.size() != headerSize) {
                    errors.add(new InputError(label, line, "expected " + headerSize + " fields, found " + rec.size()));
                    continue;
                }
                rows.add(new Row(header, rec, line));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            long line = rows.isEmpty() ? (header == null ? 1 : 2) : rows.get(rows.size() - 1).line + 1;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(startline (\\d+)\\)\\s*(.*)").matcher(msg);
            if (m.find()) {
                line = Long.parseLong(m.group(1));
                msg = m.group(2);
            }
            errors.add(new InputError(label, line, "malformed CSV: " + msg));
            return null;
        }
        if (header == null) {
            errors.add(new InputError(label, 1, "empty file: no header row"));
            return null;
        }
        return rows;
    }

    private static long[] lineStarts(String text) {
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add((long) i + 1);
            }
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static long lineOf(long[] starts, long pos) {
        int i = Arrays.binarySearch(starts, pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    // ---- field parsers: return null and add an error when invalid ----

    private static Boolean parseBool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "y" -> Boolean.TRUE;
            case "0", "false", "no", "n" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Double parsePositive(String v) {
        try {
            if (!POSITIVE.matcher(v).matches()) {
                return null;
            }
            double d = Double.parseDouble(v);
            return d > 0 && Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isNumber(String v) {
        return NUMBER.matcher(v).matches();
    }

    private static Integer parseInt(String v, int min) {
        if (!WHOLE.matcher(v).matches()) {
            return null;
        }
        int i = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        return i >= min ? i : null;
    }

    /**
     * Reads and checks ATTEMPTS.csv.
     *
     * @param path the file
     * @param label how the file is named in messages (normally the path as given)
     */
    public static Parsed<AttemptRow> readAttempts(Path path, String label) {
        List<InputError> errors = new ArrayList<>();
        List<AttemptRow> out = new ArrayList<>();
        List<Long> outLines = new ArrayList<>();
        List<Row> rows = readRows(path, label, ATTEMPT_REQUIRED, errors);
        if (rows == null) {
            return new Parsed<>(List.of(), List.of(), errors);
        }
        Map<String, Long> keys = new HashMap<>();
        // Simulated attempts (the demo's panel) are said to be so on every row; never mixed with real ones in one file.
        Boolean simulatedFile = null;
        long simulatedLine = 0;
        for (Row r : rows) {
            String v = r.get("simulated");
            Boolean sim = v.isEmpty() ? Boolean.FALSE : parseBool(v);
            if (sim == null) {
                errors.add(new InputError(label, r.line, "simulated must be 1/0, true/false or yes/no, got " + show(v)));
            } else if (simulatedFile == null) {
                simulatedFile = sim;
                simulatedLine = r.line;
            } else if (!sim.equals(simulatedFile)) {
                errors.add(new InputError(label, r.line, "a " + (sim ? "simulated" : "real") + " attempt in a file whose "
                        + "line " + simulatedLine + " is " + (sim ? "real" : "simulated")
                        + ": simulated data is never mixed with real data"));
                break;
            }
        }
        // candidate\0task -> column -> (value, line) for the per-task constants
        Map<String, Map<String, Object[]>> constants = new HashMap<>();
        List<Object[]> pendingRatings = new ArrayList<>(); // {line, rating, key, explicitScale}
        for (Row r : rows) {
            List<String> errs = new ArrayList<>();
            String participant = r.get("participant");
            String candidate = r.get("candidate");
            String task = r.get("task");
            for (String c : List.of("participant", "candidate", "task")) {
                if (r.get(c).isEmpty()) {
                    errs.add(c + " is empty");
                }
            }
            // An attempt with a system or script error is not scored: only its candidate, task and reason count.
            String ov = r.get("outcome").toLowerCase(Locale.ROOT);
            Exclusion excluded = null;
            if (!ov.isEmpty() && !OUTCOMES.contains(ov)) {
                errs.add("outcome must be one of " + String.join(", ", OUTCOMES) + ", got " + show(r.get("outcome")));
            } else if (!ov.isEmpty()) {
                excluded = Exclusion.ofOutcome(ov).orElse(null);
            }
            Boolean success = null;
            String sv = r.get("success");
            if (sv.isEmpty()) {
                if (excluded == null) {
                    errs.add("success is empty");
                }
            } else if ((success = parseBool(sv)) == null) {
                errs.add("success must be 1/0, true/false or yes/no, got " + show(sv));
            } else if (OUTCOMES.contains(ov) && success != ov.equals("success")) {
                errs.add("success " + sv + " contradicts outcome " + show(ov));
            }
            if (excluded != null) {
                for (String m : errs) {
                    errors.add(new InputError(label, r.line, m));
                }
                if (errs.isEmpty()) {
                    out.add(AttemptRow.notScored(participant, candidate, task, excluded));
                    outLines.add(r.line);
                }
                continue;
            }
            Double time = null;
            String tv = r.get("time_s");
            if (tv.isEmpty()) {
                if (Boolean.TRUE.equals(success)) {
                    errs.add("time_s is empty; a successful attempt needs a time");
                }
            } else if (!isNumber(tv)) {
                errs.add("time_s is not a number: " + show(tv));
            } else if ((time = parsePositive(tv)) == null) {
                errs.add("time_s must be a number of seconds > 0, got " + show(tv));
            }
            Integer errorsN = null;
            String ev = r.get("errors");
            if (ev.isEmpty()) {
                errs.add("errors is empty");
            } else if ((errorsN = parseInt(ev, 0)) == null) {
                errs.add("errors must be a whole number >= 0, got " + show(ev));
            }
            Integer critical = optionalInt(r, "critical_errors", 0, errs);
            if (critical != null && errorsN != null && critical > errorsN) {
                errs.add("critical_errors " + critical + " exceeds errors " + errorsN);
            }
            Integer scale = null;
            String scv = r.get("rating_scale");
            if (!scv.isEmpty()) {
                scale = parseInt(scv, 0);
                if (scale == null || (scale != 5 && scale != 7)) {
                    errs.add("rating_scale must be 5 or 7, got " + show(scv));
                    scale = null;
                }
            }
            Integer rating = null;
            String rv = r.get("rating");
            if (!rv.isEmpty()) {
                rating = parseInt(rv, Integer.MIN_VALUE);
                if (rating == null) {
                    errs.add("rating must be a whole number, got " + show(rv));
                }
            }
            Integer steps = optionalInt(r, "steps", 1, errs);
            Integer optSteps = optionalInt(r, "optimal_steps", 1, errs);
            Double optTime = optionalPositive(r, "optimal_time_s", errs);
            Double spec = optionalPositive(r, "time_spec_s", errs);
            Integer opp = optionalInt(r, "error_opportunities", 1, errs);

            String key = participant + "\u0000" + candidate + "\u0000" + task;
            String taskKey = candidate + "\u0000" + task;
            if (!participant.isEmpty() && !candidate.isEmpty() && !task.isEmpty()) {
                Long first = keys.putIfAbsent(key, r.line);
                if (first != null) {
                    errs.add("duplicate attempt: participant " + show(participant) + ", candidate '" + candidate
                            + "', task " + show(task) + " already on line " + first);
                }
                Map<String, Object[]> cs = constants.computeIfAbsent(taskKey, k -> new HashMap<>());
                Object[][] given = {{"optimal_steps", optSteps}, {"optimal_time_s", optTime}, {"time_spec_s", spec},
                    {"error_opportunities", opp}, {"rating_scale", scale}};
                for (Object[] g : given) {
                    if (g[1] == null) {
                        continue;
                    }
                    Object[] prev = cs.putIfAbsent((String) g[0], new Object[] {g[1], r.line});
                    if (prev != null && !prev[0].equals(g[1])) {
                        errs.add(g[0] + " " + fmt(g[1]) + " differs from " + fmt(prev[0]) + " on line " + prev[1]
                                + " for candidate " + show(candidate) + ", task " + show(task));
                    }
                }
            }
            if (rating != null) {
                pendingRatings.add(new Object[] {r.line, rating, taskKey, scale, errs});
            }
            if (errs.isEmpty()) {
                out.add(new AttemptRow(participant, candidate, task, success, time, errorsN, critical, null, 7, steps,
                        optSteps, optTime, spec, opp));
                outLines.add(r.line);
            }
            for (String m : errs) {
                errors.add(new InputError(label, r.line, m));
            }
        }
        // ratings against the task's scale (explicit on the row, else given on another row, else 7)
        Map<Long, Integer> okRatings = new HashMap<>();
        for (Object[] pr : pendingRatings) {
            long line = (Long) pr[0];
            int rating = (Integer) pr[1];
            Integer scale = (Integer) pr[3];
            if (scale == null) {
                Object[] c = constants.getOrDefault((String) pr[2], Map.of()).get("rating_scale");
                scale = c == null ? 7 : (Integer) c[0];
            }
            if (rating < 1 || rating > scale) {
                errors.add(new InputError(label, line, "rating " + rating + " is out of range 1-" + scale));
            } else {
                okRatings.put(line, rating);
            }
        }
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (!errors.isEmpty()) {
            return new Parsed<>(List.of(), List.of(), errors);
        }
        List<AttemptRow> fixed = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            AttemptRow a = out.get(i);
            if (!a.scored()) {
                fixed.add(a);
                continue;
            }
            Object[] c = constants.getOrDefault(a.candidate() + "\u0000" + a.task(), Map.of()).get("rating_scale");
            int scale = c == null ? 7 : (Integer) c[0];
            Map<String, Object[]> cs = constants.getOrDefault(a.candidate() + "\u0000" + a.task(), Map.of());
            fixed.add(new AttemptRow(a.participant(), a.candidate(), a.task(), a.success(), a.timeS(), a.errors(),
                    a.criticalErrors(), okRatings.get(outLines.get(i)), scale, a.steps(),
                    a.optimalSteps() != null ? a.optimalSteps() : (Integer) val(cs, "optimal_steps"),
                    a.optimalTimeS() != null ? a.optimalTimeS() : (Double) val(cs, "optimal_time_s"),
                    a.timeSpecS() != null ? a.timeSpecS() : (Double) val(cs, "time_spec_s"),
                    a.errorOpportunities() != null ? a.errorOpportunities() : (Integer) val(cs, "error_opportunities")));
        }
        return new Parsed<>(fixed, outLines, errors);
    }

    /** A value as shown in a message: quoted, line breaks escaped. */
    static String show(String v) {
        return "'" + v.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    private static Object val(Map<String, Object[]> cs, String col) {
        Object[] v = cs.get(col);
        return v == null ? null : v[0];
    }

    private static String fmt(Object o) {
        if (o instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(o);
    }

    private static Integer optionalInt(Row r, String col, int min, List<String> errs) {
        String v = r.get(col);
        if (v.isEmpty()) {
            return null;
        }
        Integer i = parseInt(v, min);
        if (i == null) {
            errs.add(col + " must be a whole number >= " + min + ", got " + show(v));
        }
        return i;
    }

    private static Double optionalPositive(Row r, String col, List<String> errs) {
        String v = r.get(col);
        if (v.isEmpty()) {
            return null;
        }
        if (!isNumber(v)) {
            errs.add(col + " is not a number: " + show(v));
            return null;
        }
        Double d = parsePositive(v);
        if (d == null) {
            errs.add(col + " must be a number > 0, got " + show(v));
        }
        return d;
    }

    /** Reads and checks SUS.csv: participant, candidate, q1..q10 (each 1–5). */
    public static Parsed<SusRow> readSus(Path path, String label) {
        List<InputError> errors = new ArrayList<>();
        List<String> required = new ArrayList<>(List.of("participant", "candidate"));
        for (int i = 1; i <= 10; i++) {
            required.add("q" + i);
        }
        List<Row> rows = readRows(path, label, required, errors);
        if (rows == null) {
            return new Parsed<>(List.of(), List.of(), errors);
        }
        List<SusRow> out = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<String, Long> keys = new HashMap<>();
        for (Row r : rows) {
            List<String> errs = new ArrayList<>();
            String participant = r.get("participant");
            String candidate = r.get("candidate");
            if (participant.isEmpty()) {
                errs.add("participant is empty");
            }
            if (candidate.isEmpty()) {
                errs.add("candidate is empty");
            }
            List<Integer> q = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                String v = r.get("q" + i);
                Integer x = parseInt(v, 1);
                if (x == null || x > 5) {
                    errs.add("q" + i + " must be a whole number 1-5, got " + show(v));
                }
                q.add(x);
            }
            if (!participant.isEmpty() && !candidate.isEmpty()) {
                Long first = keys.putIfAbsent(participant + "\u0000" + candidate, r.line);
                if (first != null) {
                    errs.add("duplicate SUS: participant " + show(participant) + ", candidate '" + candidate
                            + "' already on line " + first);
                }
            }
            if (errs.isEmpty()) {
                out.add(new SusRow(participant, candidate, q));
                lines.add(r.line);
            }
            errs.forEach(m -> errors.add(new InputError(label, r.line, m)));
        }
        return new Parsed<>(out, lines, errors);
    }

    /**
     * Reads and checks WEIGHTS.csv: {@code task,weight}, or {@code task,criticality,frequency} (weight =
     * criticality × frequency). Weights are finite numbers ≥ 0.
     */
    public static Parsed<TaskWeight> readWeights(Path path, String label) {
        List<InputError> errors = new ArrayList<>();
        List<Row> rows = readRows(path, label, List.of("task"), errors);
        if (rows == null) {
            return new Parsed<>(List.of(), List.of(), errors);
        }
        boolean hasWeight = !rows.isEmpty() && rows.get(0).has("weight");
        boolean hasCf = !rows.isEmpty() && rows.get(0).has("criticality") && rows.get(0).has("frequency");
        if (!rows.isEmpty() && !hasWeight && !hasCf) {
            errors.add(new InputError(label, 1, "missing column 'weight' (or 'criticality' and 'frequency')"));
            return new Parsed<>(List.of(), List.of(), errors);
        }
        List<TaskWeight> out = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : rows) {
            List<String> errs = new ArrayList<>();
            String task = r.get("task");
            if (task.isEmpty()) {
                errs.add("task is empty");
            } else {
                Long first = seen.putIfAbsent(task, r.line);
                if (first != null) {
                    errs.add("duplicate weight for task " + show(task) + " (first on line " + first + ")");
                }
            }
            Double w = null;
            if (hasWeight) {
                w = nonNegative(r, "weight", errs);
            } else {
                Double c = nonNegative(r, "criticality", errs);
                Double f = nonNegative(r, "frequency", errs);
                w = c != null && f != null ? c * f : null;
            }
            if (errs.isEmpty()) {
                out.add(new TaskWeight(task, w));
                lines.add(r.line);
            }
            errs.forEach(m -> errors.add(new InputError(label, r.line, m)));
        }
        return new Parsed<>(out, lines, errors);
    }

    /**
     * Reads and checks NOT_APPLICABLE.csv: {@code candidate,task,reason}, one row per candidate × task that does not
     * apply to the candidate; the reason is required.
     */
    public static Parsed<NotApplicableRow> readNotApplicable(Path path, String label) {
        List<InputError> errors = new ArrayList<>();
        List<Row> rows = readRows(path, label, List.of("candidate", "task", "reason"), errors);
        if (rows == null) {
            return new Parsed<>(List.of(), List.of(), errors);
        }
        List<NotApplicableRow> out = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : rows) {
            List<String> errs = new ArrayList<>();
            String candidate = r.get("candidate");
            String task = r.get("task");
            String reason = r.get("reason");
            if (candidate.isEmpty()) {
                errs.add("candidate is empty");
            }
            if (task.isEmpty()) {
                errs.add("task is empty");
            }
            if (reason.isEmpty()) {
                errs.add("reason is empty: say why the task does not apply to the candidate");
            }
            if (!candidate.isEmpty() && !task.isEmpty()) {
                Long first = seen.putIfAbsent(candidate + "\u0000" + task, r.line);
                if (first != null) {
                    errs.add("duplicate n/a mark: candidate '" + candidate + "', task '" + task + "' already on line " + first);
                }
            }
            if (errs.isEmpty()) {
                out.add(new NotApplicableRow(candidate, task, reason));
                lines.add(r.line);
            }
            errs.forEach(m -> errors.add(new InputError(label, r.line, m)));
        }
        return new Parsed<>(out, lines, errors);
    }

    /**
     * Cross-file checks of NOT_APPLICABLE.csv: each mark names a candidate with attempts and a task that some candidate
     * attempted (or that has a weight), and no candidate has attempts on a task marked not applicable for it.
     */
    public static List<InputError> crossCheckNotApplicable(Parsed<AttemptRow> attempts, String attemptsLabel,
            Parsed<TaskWeight> weights, Parsed<NotApplicableRow> marks, String marksLabel) {
        List<InputError> errors = new ArrayList<>();
        if (!attempts.ok() || attempts.rows().isEmpty()) {
            return errors;
        }
        Set<String> tasks = new LinkedHashSet<>();
        Set<String> candidates = new LinkedHashSet<>();
        Map<String, Long> firstAttempt = new HashMap<>();
        for (int i = 0; i < attempts.rows().size(); i++) {
            AttemptRow a = attempts.rows().get(i);
            tasks.add(a.task());
            candidates.add(a.candidate());
            firstAttempt.putIfAbsent(a.candidate() + "\u0000" + a.task(), attempts.lines().get(i));
        }
        if (weights != null) {
            weights.rows().forEach(w -> tasks.add(w.task()));
        }
        for (int i = 0; i < marks.rows().size(); i++) {
            NotApplicableRow m = marks.rows().get(i);
            long line = marks.lines().get(i);
            if (!candidates.contains(m.candidate())) {
                errors.add(new InputError(marksLabel, line, "candidate '" + m.candidate() + "' has no attempts"));
            }
            Long attempted = firstAttempt.get(m.candidate() + "\u0000" + m.task());
            if (attempted != null) {
                errors.add(new InputError(marksLabel, line, "candidate '" + m.candidate() + "' has attempts on task '"
                        + m.task() + "' (first on line " + attempted + " of " + attemptsLabel
                        + "); a task is either attempted or not applicable"));
            }
        }
        return errors;
    }

    private static Double nonNegative(Row r, String col, List<String> errs) {
        String v = r.get(col);
        if (v.isEmpty() || !isNumber(v)) {
            errs.add(col + " must be a number >= 0, got " + show(v));
            return null;
        }
        double d = Double.parseDouble(v);
        if (d < 0 || !Double.isFinite(d)) {
            errs.add(col + " must be a number >= 0, got " + show(v));
            return null;
        }
        return d;
    }

    /**
     * Cross-file checks: weights must name exactly the attempted tasks (weight 0 is allowed) and SUS rows
     * must name candidates that have attempts. Errors point at the offending line (or the weights header
     * for a task without a weight).
     */
    public static List<InputError> crossCheck(Parsed<AttemptRow> attempts, Parsed<SusRow> sus, String susLabel,
            Parsed<TaskWeight> weights, String weightsLabel) {
        return crossCheck(attempts, sus, susLabel, weights, weightsLabel, List.of());
    }

    /** As above; a weight may also name a task that is only marked not applicable ({@code naTasks}). */
    public static List<InputError> crossCheck(Parsed<AttemptRow> attempts, Parsed<SusRow> sus, String susLabel,
            Parsed<TaskWeight> weights, String weightsLabel, List<NotApplicableRow> naTasks) {
        List<InputError> errors = new ArrayList<>();
        Set<String> naOnly = new LinkedHashSet<>();
        naTasks.forEach(m -> naOnly.add(m.task()));
        Set<String> tasks = new LinkedHashSet<>();
        Set<String> candidates = new LinkedHashSet<>();
        attempts.rows().forEach(a -> {
            tasks.add(a.task());
            candidates.add(a.candidate());
        });
        if (attempts.ok() && attempts.rows().isEmpty()) {
            return errors;
        }
        if (weights != null && attempts.ok()) {
            Set<String> weighted = new LinkedHashSet<>();
            for (int i = 0; i < weights.rows().size(); i++) {
                TaskWeight w = weights.rows().get(i);
                weighted.add(w.task());
                if (!tasks.contains(w.task()) && !naOnly.contains(w.task())) {
                    errors.add(new InputError(weightsLabel, weights.lines().get(i),
                            "task '" + w.task() + "' has no attempts"));
                }
            }
            for (String t : weights.ok() ? tasks : Set.<String>of()) {
                if (!weighted.contains(t)) {
                    errors.add(new InputError(weightsLabel, 1, "no weight for task " + show(t)));
                }
            }
            if (weights.ok() && !weights.rows().isEmpty() && weights.rows().stream().noneMatch(w -> w.weight() > 0)) {
                errors.add(new InputError(weightsLabel, 1, "every weight is zero"));
            }
        }
        if (sus != null && attempts.ok()) {
            for (int i = 0; i < sus.rows().size(); i++) {
                SusRow s = sus.rows().get(i);
                if (!candidates.contains(s.candidate())) {
                    errors.add(new InputError(susLabel, sus.lines().get(i),
                            "candidate '" + s.candidate() + "' has no attempts"));
                }
            }
        }
        return errors;
    }
}
