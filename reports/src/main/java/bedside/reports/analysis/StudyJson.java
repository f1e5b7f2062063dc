package bedside.reports.analysis;

import bedside.reports.analysis.StudyAnalysis.CandidateAnalysis;
import bedside.reports.analysis.StudyAnalysis.Comparison;
import bedside.reports.analysis.StudyAnalysis.Deviation;
import bedside.reports.analysis.StudyAnalysis.DiscoveryPoint;
import bedside.reports.analysis.StudyAnalysis.TaskAnalysis;
import bedside.reports.stats.Interval;
import bedside.reports.stats.MeanEstimate;
import bedside.reports.stats.SumComponents;
import bedside.reports.stats.SusSummary;
import bedside.reports.stats.TestResult;
import bedside.reports.stats.WeightSensitivity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link StudyAnalysis} as the documented OUT.json (reports/README.md, "OUT.json"). Pure: returns
 * a string. Absent values are JSON {@code null}; no NaN or infinity is ever written.
 */
public final class StudyJson {
    /** Value of the top-level {@code schema} field. */
    public static final String SCHEMA = "bedside.analysis/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyJson() {
    }

    /** The JSON tree. */
    public static ObjectNode toTree(StudyAnalysis a) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("design", a.design());
        root.put("simulated", a.simulated());
        ArrayNode cands = root.putArray("candidates");
        for (CandidateAnalysis c : a.candidates()) {
            ObjectNode cn = cands.addObject();
            cn.put("candidate", c.candidate());
            cn.put("participants", c.participants());
            ObjectNode adequacy = cn.putObject("sample_adequacy");
            adequacy.put("n", c.adequacy().n());
            adequacy.put("minimum", StudyAnalysis.SampleAdequacy.MINIMUM);
            adequacy.put("advised", StudyAnalysis.SampleAdequacy.ADVISED);
            adequacy.put("level", c.adequacy().level());
            adequacy.put("statement", c.adequacy().statement());
            ArrayNode tasks = cn.putArray("tasks");
            for (TaskAnalysis t : c.tasks()) {
                tasks.add(task(t));
            }
            cn.set("sus", sus(c.sus()));
            ObjectNode sum = cn.putObject("sum");
            num(sum, "score", c.sum().score());
            sum.put("tasks", c.sum().tasks());
            ObjectNode comp = cn.putObject("composite");
            num(comp, "score", c.composite().score());
            interval(comp, "ci95", c.composite().ci95());
            num(comp, "p_best", c.composite().pBest());
            ArrayNode used = comp.putArray("tasks_used");
            c.composite().tasksUsed().forEach(used::add);
            comp.put("renormalised", c.composite().renormalised());
            // Tasks that do not apply to the candidate, and why: no measures, not in its composite, never 0.
            ArrayNode na = cn.putArray("not_applicable");
            for (StudyAnalysis.NotApplicable n : c.notApplicable()) {
                na.addObject().put("task", n.task()).put("reason", n.reason());
            }
            // Attempts left out of every measure, and why: shown so that nothing is dropped silently.
            ObjectNode ns = cn.putObject("not_scored");
            ns.put("attempts", c.excluded().size());
            ns.put("summary", c.notScoredSummary());
            ArrayNode items = ns.putArray("items");
            for (StudyAnalysis.NotScored n : c.notScored()) {
                items.addObject().put("task", n.task()).put("reason", n.reason().code()).put("attempts", n.attempts());
            }
        }
        ArrayNode comps = root.putArray("comparisons");
        for (Comparison c : a.comparisons()) {
            ObjectNode n = comps.addObject();
            TestResult r = c.result();
            n.put("task", c.task());
            n.put("a", c.a());
            n.put("b", c.b());
            n.put("measure", c.measure());
            n.put("test", r.test());
            num(n, "statistic", r.statistic());
            num(n, "df", r.df());
            num(n, "p", r.p());
            num(n, "p_holm", c.pHolm());
            num(n, "effect", r.effect());
            n.put("effect_measure", r.effectMeasure());
            num(n, "standardized_effect", r.standardizedEffect());
            n.put("n_a", r.nA());
            n.put("n_b", r.nB());
        }
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("seed", a.bootstrap().seed());
        boot.put("resamples", a.bootstrap().resamples());
        boot.put("resampling", a.bootstrap().resampling());
        boot.put("interval", "percentile");
        ArrayNode w = boot.putArray("weights");
        a.bootstrap().weights().forEach(tw -> w.addObject().put("task", tw.task()).put("weight", tw.weight()));
        // How the ranking depends on each task's weight (WeightSensitivity): rankings at x0.5 and x1.5 of the task's
        // weight, and where adjacent candidates swap places (at_weight null: never within [0, inf)).
        ArrayNode sens = root.putArray("sensitivity");
        for (WeightSensitivity.TaskSensitivity t : a.sensitivity()) {
            ObjectNode n = sens.addObject();
            n.put("task", t.task());
            n.put("weight", t.weight());
            ArrayNode rank = n.putArray("ranking");
            t.ranking().forEach(rank::add);
            ArrayNode half = n.putArray("at_half");
            t.atHalf().forEach(half::add);
            ArrayNode more = n.putArray("at_one_and_a_half");
            t.atOneAndAHalf().forEach(more::add);
            n.put("top_changes", t.topChanges());
            ArrayNode flips = n.putArray("flips");
            for (WeightSensitivity.Flip f : t.flips()) {
                ObjectNode fn = flips.addObject();
                fn.putArray("candidates").add(f.higher()).add(f.lower());
                num(fn, "at_weight", f.atWeight());
                num(fn, "factor", f.atWeight() == null ? null : f.atWeight() / t.weight());
                fn.put("statement", StudyAnalysis.flipStatement(f, t.weight()));
            }
        }
        ObjectNode pd = root.putObject("problem_discovery");
        pd.put("participants", a.problemDiscovery().participants());
        ArrayNode curve = pd.putArray("curve");
        for (DiscoveryPoint p : a.problemDiscovery().curve()) {
            curve.addObject().put("p", p.p()).put("discovered", p.discovered()).put("n_for_85", p.nFor85());
        }
        ArrayNode warn = root.putArray("warnings");
        a.warnings().forEach(warn::add);
        return root;
    }

    /** The JSON text (pretty-printed, ends with a newline). */
    public static String toJson(StudyAnalysis a) {
        try {
            return MAPPER.writeValueAsString(toTree(a)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode task(TaskAnalysis t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("task", t.task());
        n.put("attempts", t.attempts());
        ObjectNode comp = n.putObject("completion");
        comp.put("successes", t.completion().successes());
        num(comp, "rate", t.completion().rate());
        interval(comp, "ci95", t.completion().ci95());
        num(comp, "sd", t.completion().sd());
        ObjectNode time = n.putObject("time");
        time.put("n", t.time().n());
        num(time, "geomean_s", t.time().geomean());
        interval(time, "ci95_s", t.time().geomeanCi95());
        num(time, "median_s", t.time().median());
        num(time, "mean_s", t.time().mean());
        num(time, "sd_s", t.time().sd());
        ObjectNode err = n.putObject("errors");
        MeanEstimate e = t.errors();
        err.put("n", e.n());
        num(err, "mean", e.mean());
        num(err, "sd", e.sd());
        interval(err, "ci95", e.ci95());
        ObjectNode crit = n.putObject("critical_errors");
        num(crit, "total", t.criticalErrors().total() == null ? null : t.criticalErrors().total().doubleValue());
        num(crit, "attempts_with", t.criticalErrors().attemptsWith() == null ? null
                : t.criticalErrors().attemptsWith().doubleValue());
        if (t.rating() == null) {
            n.putNull("rating");
        } else {
            ObjectNode r = n.putObject("rating");
            r.put("scale", t.rating().scale());
            r.put("n", t.rating().estimate().n());
            num(r, "mean", t.rating().estimate().mean());
            num(r, "sd", t.rating().estimate().sd());
            interval(r, "ci95", t.rating().estimate().ci95());
            num(r, "top2box", t.rating().top2box());
        }
        deviation(n, "path_deviation", "observed_steps", "optimal_steps", t.pathDeviation());
        deviation(n, "time_deviation", "observed_mean_s", "optimal_s", t.timeDeviation());
        ObjectNode sum = n.putObject("sum");
        SumComponents s = t.sum();
        num(sum, "completion", s.completion());
        num(sum, "time", s.time());
        num(sum, "errors", s.errors());
        num(sum, "satisfaction", s.satisfaction());
        num(sum, "score", s.score());
        sum.put("components", s.components());
        ObjectNode ss = n.putObject("sample_size");
        ss.put("completion_margin", t.sampleSize().completionMargin());
        num(ss, "completion_n", intOrNull(t.sampleSize().completionN()));
        ss.put("time_relative_margin", t.sampleSize().timeRelativeMargin());
        num(ss, "time_n", intOrNull(t.sampleSize().timeN()));
        ss.put("rating_margin", t.sampleSize().ratingMargin());
        num(ss, "rating_n", intOrNull(t.sampleSize().ratingN()));
        return n;
    }

    private static Double intOrNull(Integer i) {
        return i == null ? null : i.doubleValue();
    }

    private static void deviation(ObjectNode parent, String name, String observed, String optimal, Deviation d) {
        if (d == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode n = parent.putObject(name);
        n.put("n", d.n());
        num(n, observed, d.observedMean());
        num(n, optimal, d.optimal());
        num(n, "ratio", d.ratio());
    }

    private static ObjectNode sus(SusSummary s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("n", s.n());
        num(n, "mean", s.mean());
        num(n, "sd", s.sd());
        interval(n, "ci95", s.ci95());
        if (s.grade() == null) {
            n.putNull("grade");
            n.putNull("grade_percentile_range");
        } else {
            n.put("grade", s.grade());
            n.putArray("grade_percentile_range").add(s.gradePercentileRange()[0]).add(s.gradePercentileRange()[1]);
        }
        num(n, "percentile", s.percentile());
        n.put("percentile_method", "approximate: normal N(68, 12.5)");
        return n;
    }

    /** Puts a number, or null for null / NaN / infinite; whole numbers that are counts stay integers. */
    private static void num(ObjectNode n, String field, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            n.putNull(field);
        } else if (isCountField(field) && v == Math.rint(v)) {
            n.put(field, v.longValue());
        } else {
            n.put(field, v);
        }
    }

    private static boolean isCountField(String f) {
        return f.equals("total") || f.equals("attempts_with") || f.endsWith("_n") || f.equals("optimal_steps");
    }

    private static void interval(ObjectNode n, String field, Interval i) {
        if (i == null) {
            n.putNull(field);
        } else {
            n.putArray(field).add(i.lo()).add(i.hi());
        }
    }
}
