package bedside.harness.session.simulation;

import bedside.harness.session.Demographics;
import bedside.harness.session.Instruments;
import bedside.scenarios.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * What a simulated participant decides, and nothing else: how long each of its actions takes (the Keystroke-Level
 * Model's operators, with a log-normal speed factor per participant and per action), whether a press lands beside
 * its target (more likely on a crowded screen), when to give up, and what it answers to the SEQ and the SUS (lower
 * for longer times and more errors). Its parameters, each with its source, are in one file: the shipped
 * {@code panel.yaml} beside this class, or one given to {@link #read}.
 *
 * <p>Pure: no browser, no clock. Every draw comes from the seed, the participant's index and what the draw is for (a
 * key such as {@code legacy/review-results/3/M0}), never from how many draws came before: the same seed gives the same
 * draws whatever order concurrent sessions make them in.
 */
public final class PanelModel {
    /** Where the shipped parameters are, on the class path and in the source tree. */
    public static final String SHIPPED = "bedside/harness/session/simulation/panel.yaml";
    public static final String SHIPPED_SOURCE = "harness/src/main/resources/" + SHIPPED;

    /** The role every simulated participant gives: never a person's. */
    public static final String ROLE = "simulated";

    private final Parameters parameters;
    private final String source;

    private PanelModel(Parameters parameters, String source) {
        this.parameters = parameters;
        this.source = source;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Where the parameters were read from (a file's path, or the shipped resource). */
    public String source() {
        return source;
    }

    // ---- the parameters ----

    /** The KLM operators' times (or spreads), in seconds, by operator. */
    public record OperatorTimes(double K, double P, double B, double H, double M) {
        public double of(char operator) {
            return switch (operator) {
                case 'K' -> K;
                case 'P' -> P;
                case 'B' -> B;
                case 'H' -> H;
                case 'M' -> M;
                default -> throw new IllegalArgumentException("no KLM operator " + operator);
            };
        }
    }

    public record Speed(double participantMedian, double participantSigma, OperatorTimes operatorSigma) {}

    public record Misclick(double probability, double atTargets, double perDoubling, double max) {}

    public record Seq(double intercept, double atKlmSeconds, double perLnKlmSeconds, double perLnTimeRatio, double perError,
                      double failed, double noiseSigma) {}

    public record Sus(double intercept, double perLnKlmSeconds, double perLnTimeRatio, double perErrorPerTask,
                      double perFailedShare, double noiseSigma, double itemSigma) {}

    public record People(double seqLeniencySigma, double susLeniencySigma, int yearsInRoleMin, int yearsInRoleMax,
                         int ageAtStartMin, int ageAtStartMax, int ehrYearsMax) {}

    /** Everything {@code panel.yaml} holds. */
    public record Parameters(OperatorTimes keystrokeLevelModel, Speed speed, Misclick misclick, double giveUpShare, Seq seq,
                             Sus sus, People participants) {}

    /** A parameter file that cannot be used: every problem, each with its file, line and column. */
    public static final class BadParameters extends IllegalArgumentException {
        private final List<String> problems;

        BadParameters(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** A number the file must give: its range, and whether it is a whole number. */
    private record Spec(double min, double max, boolean whole) {}

    /** Every parameter, by its path in the file, in the file's order. */
    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        for (String op : List.of("K", "P", "B", "H", "M")) {
            SPECS.put("keystrokeLevelModel." + op, new Spec(0.001, 10, false));
        }
        SPECS.put("speed.participantMedian", new Spec(0.05, 20, false));
        SPECS.put("speed.participantSigma", new Spec(0, 2, false));
        for (String op : List.of("K", "P", "B", "H", "M")) {
            SPECS.put("speed.operatorSigma." + op, new Spec(0, 2, false));
        }
        SPECS.put("misclick.probability", new Spec(0, 1, false));
        SPECS.put("misclick.atTargets", new Spec(1, 10_000, false));
        SPECS.put("misclick.perDoubling", new Spec(0, 1, false));
        SPECS.put("misclick.max", new Spec(0, 1, false));
        SPECS.put("giveUp.shareOfTimeLimit", new Spec(0.01, 1, false));
        SPECS.put("seq.intercept", new Spec(1, Instruments.SEQ_POINTS, false));
        SPECS.put("seq.atKlmSeconds", new Spec(0.1, 3600, false));
        // The model's premise: longer times, errors and failures never raise a rating.
        SPECS.put("seq.perLnKlmSeconds", new Spec(-20, 0, false));
        SPECS.put("seq.perLnTimeRatio", new Spec(-20, 0, false));
        SPECS.put("seq.perError", new Spec(-7, 0, false));
        SPECS.put("seq.failed", new Spec(-7, 0, false));
        SPECS.put("seq.noiseSigma", new Spec(0, 5, false));
        SPECS.put("sus.intercept", new Spec(-2, 2, false));
        SPECS.put("sus.perLnKlmSeconds", new Spec(-20, 0, false));
        SPECS.put("sus.perLnTimeRatio", new Spec(-20, 0, false));
        SPECS.put("sus.perErrorPerTask", new Spec(-4, 0, false));
        SPECS.put("sus.perFailedShare", new Spec(-4, 0, false));
        SPECS.put("sus.noiseSigma", new Spec(0, 3, false));
        SPECS.put("sus.itemSigma", new Spec(0, 3, false));
        SPECS.put("participants.seqLeniencySigma", new Spec(0, 5, false));
        SPECS.put("participants.susLeniencySigma", new Spec(0, 3, false));
        SPECS.put("participants.yearsInRoleMin", new Spec(0, 70, true));
        SPECS.put("participants.yearsInRoleMax", new Spec(0, 70, true));
        SPECS.put("participants.ageAtStartMin", new Spec(16, 80, true));
        SPECS.put("participants.ageAtStartMax", new Spec(16, 80, true));
        SPECS.put("participants.ehrYearsMax", new Spec(0, 70, true));
    }

    /** The shipped parameters. */
    public static PanelModel shipped() {
        try (InputStream in = PanelModel.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the simulated panel's model " + SHIPPED + " is missing from the harness");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "panel.yaml", "the shipped " + SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a parameter file; throws {@link BadParameters} naming every problem with its line and column. */
    public static PanelModel read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadParameters(List.of(file + ": cannot read the file: " + e.getMessage()));
        }
        return parse(text, file.toString(), file.toAbsolutePath().normalize().toString());
    }

    /** Reads parameters from {@code text}; {@code label} names it in problems. */
    static PanelModel parse(String text, String label, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Mark> at = new LinkedHashMap<>();
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema()).setUseMarks(true)
                    .setAllowDuplicateKeys(false).build();
            root = new Compose(settings).composeString(text).orElse(null);
        } catch (MarkedYamlEngineException e) {
            throw new BadParameters(List.of(where(label, e.getProblemMark().orElse(null)) + "YAML syntax: "
                    + (e.getProblem() == null ? e.getMessage() : e.getProblem())));
        } catch (YamlEngineException e) {
            throw new BadParameters(List.of(label + ": YAML syntax: " + e.getMessage()));
        }
        if (!(root instanceof MappingNode top)) {
            throw new BadParameters(List.of(label + ": the file must be a mapping of the model's sections ("
                    + String.join(", ", sections()) + ")"));
        }
        walk(top, "", label, values, at, problems);
        for (String path : SPECS.keySet()) {
            if (!values.containsKey(path) && problems.stream().noneMatch(p -> p.contains(" " + path + ":"))) {
                String section = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
                Mark m = at.getOrDefault(section, top.getStartMark().orElse(null));
                problems.add(where(label, m) + path + ": missing (every parameter of the model is given in the file)");
            }
        }
        // What one value cannot say alone.
        checkOrder(values, at, label, "participants.yearsInRoleMin", "participants.yearsInRoleMax", problems);
        checkOrder(values, at, label, "participants.ageAtStartMin", "participants.ageAtStartMax", problems);
        checkOrder(values, at, label, "misclick.probability", "misclick.max", problems);
        if (!problems.isEmpty()) {
            throw new BadParameters(problems);
        }
        return new PanelModel(parameters(values), source);
    }

    private static List<String> sections() {
        return SPECS.keySet().stream().map(p -> p.substring(0, p.indexOf('.'))).distinct().toList();
    }

    private static void walk(MappingNode map, String prefix, String label, Map<String, Double> values, Map<String, Mark> at,
                             List<String> problems) {
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            Mark keyMark = keyNode.getStartMark().orElse(null);
            if (!(keyNode instanceof ScalarNode k)) {
                problems.add(where(label, keyMark) + "a key must be a name");
                continue;
            }
            String path = prefix + k.getValue();
            Node value = t.getValueNode();
            boolean section = SPECS.keySet().stream().anyMatch(p -> p.startsWith(path + "."));
            if (section) {
                at.put(path, keyMark);
                if (value instanceof MappingNode m) {
                    walk(m, path + ".", label, values, at, problems);
                } else {
                    problems.add(where(label, value.getStartMark().orElse(keyMark)) + path + ": a section holding "
                            + String.join(", ", SPECS.keySet().stream().filter(p -> p.startsWith(path + "."))
                            .map(p -> p.substring(path.length() + 1)).map(p -> p.contains(".") ? p.substring(0, p.indexOf('.'))
                                    : p).distinct().toList()));
                }
                continue;
            }
            Spec spec = SPECS.get(path);
            if (spec == null) {
                List<String> known = SPECS.keySet().stream().filter(p -> p.startsWith(prefix))
                        .map(p -> p.substring(prefix.length())).map(p -> p.contains(".") ? p.substring(0, p.indexOf('.')) : p)
                        .distinct().toList();
                problems.add(where(label, keyMark) + path + ": not a parameter of the model (known here: "
                        + String.join(", ", known) + ")");
                continue;
            }
            Mark valueMark = value.getStartMark().orElse(keyMark);
            at.put(path, valueMark);
            if (!(value instanceof ScalarNode s)) {
                problems.add(where(label, valueMark) + path + ": a number is needed here");
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(s.getValue().strip());
            } catch (NumberFormatException e) {
                problems.add(where(label, valueMark) + path + ": \"" + s.getValue() + "\" is not a number");
                continue;
            }
            if (!Double.isFinite(v) || v < spec.min() || v > spec.max()) {
                problems.add(where(label, valueMark) + path + ": " + s.getValue() + " is out of range: "
                        + fmt(spec.min()) + " to " + fmt(spec.max()));
                continue;
            }
            if (spec.whole() && v != Math.rint(v)) {
                problems.add(where(label, valueMark) + path + ": " + s.getValue() + " must be a whole number");
                continue;
            }
            values.put(path, v);
        }
    }

    private static void checkOrder(Map<String, Double> values, Map<String, Mark> at, String label, String low, String high,
                                   List<String> problems) {
        if (values.containsKey(low) && values.containsKey(high) && values.get(low) > values.get(high)) {
            problems.add(where(label, at.get(high)) + high + ": " + fmt(values.get(high)) + " is below " + low + " ("
                    + fmt(values.get(low)) + ")");
        }
    }

    private static String where(String label, Mark m) {
        return m == null ? label + ": " : label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": ";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static Parameters parameters(Map<String, Double> v) {
        return new Parameters(times(v, "keystrokeLevelModel."),
                new Speed(v.get("speed.participantMedian"), v.get("speed.participantSigma"), times(v, "speed.operatorSigma.")),
                new Misclick(v.get("misclick.probability"), v.get("misclick.atTargets"), v.get("misclick.perDoubling"),
                        v.get("misclick.max")),
                v.get("giveUp.shareOfTimeLimit"),
                new Seq(v.get("seq.intercept"), v.get("seq.atKlmSeconds"), v.get("seq.perLnKlmSeconds"),
                        v.get("seq.perLnTimeRatio"), v.get("seq.perError"), v.get("seq.failed"), v.get("seq.noiseSigma")),
                new Sus(v.get("sus.intercept"), v.get("sus.perLnKlmSeconds"), v.get("sus.perLnTimeRatio"),
                        v.get("sus.perErrorPerTask"), v.get("sus.perFailedShare"), v.get("sus.noiseSigma"),
                        v.get("sus.itemSigma")),
                new People(v.get("participants.seqLeniencySigma"), v.get("participants.susLeniencySigma"),
                        v.get("participants.yearsInRoleMin").intValue(), v.get("participants.yearsInRoleMax").intValue(),
                        v.get("participants.ageAtStartMin").intValue(), v.get("participants.ageAtStartMax").intValue(),
                        v.get("participants.ehrYearsMax").intValue()));
    }

    private static OperatorTimes times(Map<String, Double> v, String prefix) {
        return new OperatorTimes(v.get(prefix + "K"), v.get(prefix + "P"), v.get(prefix + "B"), v.get(prefix + "H"),
                v.get(prefix + "M"));
    }

    // ---- what the model decides ----

    /** The probability that a press aimed at a target on a screen with {@code targets} actionable elements misses. */
    public double misclickProbability(int targets) {
        Misclick m = parameters.misclick();
        double p = m.probability() + m.perDoubling() * (Math.log(Math.max(1, targets) / m.atTargets()) / Math.log(2));
        return Math.max(0, Math.min(m.max(), p));
    }

    /** Whether a participant gives up rather than take an action that would end past the share of the time limit. */
    public boolean givesUp(double elapsedSeconds, double nextSeconds, double limitSeconds) {
        return elapsedSeconds + nextSeconds > parameters.giveUpShare() * limitSeconds;
    }

    /** The KLM's time of a sequence of operators such as {@code MPBB}, in seconds (no participant, no spread). */
    public double nominalSeconds(String operators) {
        double s = 0;
        for (char c : operators.toCharArray()) {
            s += parameters.keystrokeLevelModel().of(c);
        }
        return s;
    }

    /** Where the hand is between steps: on the mouse (where it starts) or on the keyboard. */
    public enum Hand { MOUSE, KEYBOARD }

    /**
     * The operators a person performs for one step, in order, as CMN's rules place them (the same rules as
     * {@code bedside.harness.measure.Klm} applies to a recording), and where the hand is after it.
     *
     * @param text    what the step types (filled in), or null
     * @param focused the step's field already has the keyboard's focus (no pointing into it)
     */
    public record StepOperators(String operators, Hand after) {
        /** The operators before the first keystroke of a typed string (waited before the step); all when nothing is typed. */
        public String beforeTyping() {
            int k = operators.indexOf('K');
            return k < 0 ? operators : operators.substring(0, k);
        }
    }

    /** See {@link StepOperators}. */
    public static StepOperators operators(Step step, String text, boolean focused, Hand hand) {
        String toMouse = hand == Hand.KEYBOARD ? "H" : "";
        String toKeyboard = hand == Hand.MOUSE ? "H" : "";
        int keys = text == null ? 0 : text.codePointCount(0, text.length());
        if (step instanceof Step.Click || step instanceof Step.Check) {
            return new StepOperators(toMouse + "MPBB", Hand.MOUSE);
        } else if (step instanceof Step.Select) {
            // Open the list (a command), then the option: one cognitive unit, no second M.
            return new StepOperators(toMouse + "MPBBPBB", Hand.MOUSE);
        } else if (step instanceof Step.Choose) {
            return new StepOperators(toMouse + "MPBB" + (keys > 0 ? "HM" + "K".repeat(keys) + "H" : "") + "PBB", Hand.MOUSE);
        } else if (step instanceof Step.Type || step instanceof Step.SetDate) {
            // Pointing into a field is not a command (no M); the typed string is one unit: one M before it.
            String point = focused ? "" : toMouse + "PBB";
            Hand at = focused ? hand : Hand.MOUSE;
            return new StepOperators(point + (at == Hand.MOUSE ? "H" : "") + "M" + "K".repeat(keys), Hand.KEYBOARD);
        } else if (step instanceof Step.Press) {
            return new StepOperators(toKeyboard + "MK", Hand.KEYBOARD);
        } else if (step instanceof Step.AcceptDialog || step instanceof Step.DismissDialog) {
            // Reading the dialog and deciding, then its button.
            return new StepOperators(toMouse + "MPBB", Hand.MOUSE);
        } else if (step instanceof Step.Open) {
            return new StepOperators(toMouse + "MPBB", Hand.MOUSE);
        }
        // waitFor, assert, switchTo: the candidate's own time (R), nothing the person does.
        return new StepOperators("", hand);
    }

    /** The operators of a recovery after a misclick: noticing, deciding again, pointing and pressing (M P B B). */
    public static final String RECOVERY = "MPBB";

    /** The operators of pressing Done on the panel: seeing the task is done, pointing at Done and pressing it. */
    public static final String DONE = "MPBB";

    /** One participant of the panel: its own speed, leniency and details, and its draws. */
    public Participant participant(long seed, int index) {
        return new Participant(seed, index);
    }

    /** A simulated participant's details, as the consent screen asks them. */
    public record Details(String role, int yearsInRole, int ehrExperienceYears, String ehrSystemsUsed, String ageBand,
                          String assistiveTechnology) {}

    public final class Participant {
        private final long seed;
        private final int index;
        private final long stream;
        private final double speed;
        private final double leniency;

        private Participant(long seed, int index) {
            this.seed = seed;
            this.index = index;
            this.stream = mix(seed * 0x9E3779B97F4A7C15L + index + 1);
            Speed s = parameters.speed();
            this.speed = s.participantMedian() * Math.exp(s.participantSigma() * normal("speed"));
            this.leniency = normal("leniency");
        }

        public long seed() {
            return seed;
        }

        public int index() {
            return index;
        }

        /** The participant's speed factor (1: the KLM's time; above 1: slower). */
        public double speed() {
            return speed;
        }

        /** The participant's leniency as a standard normal draw (scaled per questionnaire by the file's sigmas). */
        public double leniency() {
            return leniency;
        }

        public PanelModel model() {
            return PanelModel.this;
        }

        /** The details given on the consent screen: role "simulated", the rest drawn. */
        public Details details() {
            People p = parameters.participants();
            int years = uniformInt("details/years", p.yearsInRoleMin(), p.yearsInRoleMax());
            int ehr = uniformInt("details/ehr", 0, Math.min(years, p.ehrYearsMax()));
            int age = uniformInt("details/age", p.ageAtStartMin(), p.ageAtStartMax()) + years;
            return new Details(ROLE, years, ehr, "none (simulated participant)", ageBand(age), "none");
        }

        /** One operator's time for the action named by {@code key}, in seconds: KLM × speed × the action's own factor. */
        public double seconds(char operator, String key) {
            double sigma = parameters.speed().operatorSigma().of(operator);
            return parameters.keystrokeLevelModel().of(operator) * speed * Math.exp(sigma * normal("op/" + key + "/" + operator));
        }

        /** The time of a sequence of operators for the action named by {@code key}, each operator drawn on its own. */
        public double seconds(String operators, String key) {
            double s = 0;
            for (int i = 0; i < operators.length(); i++) {
                s += seconds(operators.charAt(i), key + "/" + i);
            }
            return s;
        }

        /** Whether the press of the step named by {@code key}, on a screen with {@code targets} targets, misses first. */
        public boolean misclicks(String key, int targets) {
            return uniform("misclick/" + key) < misclickProbability(targets);
        }

        /**
         * The SEQ answer (1–7) after a task.
         *
         * @param klmSeconds the KLM's time for what the participant did (its path, pressing Done): the task's length
         * @param timeRatio  the task's time ÷ {@code klmSeconds} (the participant's own, not the expert's record)
         * @param errors     misclicks made on the task
         * @param failed     gave up or timed out
         */
        public int seq(double klmSeconds, double timeRatio, int errors, boolean failed, String key) {
            Seq q = parameters.seq();
            double latent = q.intercept() + q.perLnKlmSeconds() * lnLength(klmSeconds)
                    + q.perLnTimeRatio() * Math.log(Math.max(timeRatio, 1e-3)) + q.perError() * errors
                    + (failed ? q.failed() : 0) + parameters.participants().seqLeniencySigma() * leniency
                    + q.noiseSigma() * normal("seq/" + key);
            return (int) Math.max(1, Math.min(Instruments.SEQ_POINTS, Math.round(latent)));
        }

        /**
         * The ten SUS answers (1–5) about a candidate: odd items (worded positively) agree with the attitude, even
         * items (worded negatively) disagree with it.
         *
         * @param meanLnKlmSeconds the mean over the candidate's tasks of ln(the KLM's time in seconds)
         * @param meanLnTimeRatio  the mean over the candidate's tasks of ln(time ÷ the KLM's time)
         * @param errorsPerTask    misclicks per task on the candidate
         * @param failedShare      the share of the candidate's tasks failed (0–1)
         */
        public List<Integer> sus(double meanLnKlmSeconds, double meanLnTimeRatio, double errorsPerTask, double failedShare,
                                 String key) {
            Sus s = parameters.sus();
            double attitude = attitude(meanLnKlmSeconds, meanLnTimeRatio, errorsPerTask, failedShare)
                    + s.noiseSigma() * normal("sus/" + key);
            List<Integer> answers = new ArrayList<>();
            for (int item = 1; item <= Instruments.SUS_ITEMS.size(); item++) {
                double sign = item % 2 == 1 ? 1 : -1;
                double r = 3 + sign * (attitude + s.itemSigma() * normal("sus/" + key + "/" + item));
                answers.add((int) Math.max(1, Math.min(Instruments.SUS_POINTS, Math.round(r))));
            }
            return List.copyOf(answers);
        }

        /** The SUS attitude before its noise: about (SUS − 50) ÷ 25. */
        double attitude(double meanLnKlmSeconds, double meanLnTimeRatio, double errorsPerTask, double failedShare) {
            Sus s = parameters.sus();
            return s.intercept() + s.perLnKlmSeconds() * (meanLnKlmSeconds - Math.log(parameters.seq().atKlmSeconds()))
                    + s.perLnTimeRatio() * meanLnTimeRatio + s.perErrorPerTask() * errorsPerTask
                    + s.perFailedShare() * failedShare + parameters.participants().susLeniencySigma() * leniency;
        }

        /** ln(the task's KLM time ÷ the length the SEQ's intercept is for). */
        private double lnLength(double klmSeconds) {
            return Math.log(Math.max(klmSeconds, 0.1) / parameters.seq().atKlmSeconds());
        }

        private double uniform(String key) {
            return new SplittableRandom(mix(stream ^ hash(key))).nextDouble();
        }

        private int uniformInt(String key, int min, int max) {
            return min + (int) Math.floor(uniform(key) * (max - min + 1));
        }

        /** A standard normal draw for {@code key} (Box–Muller from two uniforms of its own stream). */
        private double normal(String key) {
            SplittableRandom r = new SplittableRandom(mix(stream ^ hash(key)));
            double u1 = 1 - r.nextDouble(); // (0, 1]: never log(0)
            double u2 = r.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }

    static String ageBand(int age) {
        List<String> bands = Demographics.AGE_BANDS;
        int i = age < 30 ? 0 : age >= 70 ? bands.size() - 1 : (age - 20) / 10;
        return bands.get(Math.max(0, Math.min(bands.size() - 1, i)));
    }

    /** SplitMix64's finaliser: spreads a seed over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the key's characters: a 64-bit name for what a draw is for. */
    private static long hash(String key) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** A participant code of the panel: SIM01, SIM02, … (a valid {@code ParticipantCode}). */
    public static String code(int index) {
        return String.format(Locale.ROOT, "SIM%02d", index + 1);
    }
}
