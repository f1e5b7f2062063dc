package bedside.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A study's plan, fixed before its first session so that nobody can say the scoring moved after the results came
 * in (tender rules, e.g. NHS Scotland's, ask for exactly that): the suite version by its content hash, the
 * candidates, each task's success criteria, time limit and weight, and the analysis. Locked, its {@link #hash()}
 * goes into the study's hash chain; scores and reports name it.
 *
 * <p>The hash is {@code sha256:} + hex SHA-256 over the plan's canonical JSON ({@link #canonicalJson()}): one line,
 * no whitespace, object keys sorted, lists in their order. Reading a plan and writing it again gives the same
 * bytes, so anyone can recompute the hash from the served JSON.
 *
 * @param schema     {@code bedside.plan/1}
 * @param study      the study's code
 * @param suite      the suite version the study runs
 * @param candidates the candidates' codes, at least one, each once
 * @param tasks      the tasks scored, each once, in the suite's order
 * @param analysis   how the scores are computed
 * @param simulated  whether the study is a simulation (the demo's simulated panel): a simulated plan takes only
 *                   simulated sessions and a real plan only real ones
 * @param auditSessions whether every session of the study audits the screens its participants reached for
 *                   accessibility (WCAG 2.2 A/AA, after each task's clock stops), so that all its sessions are audited
 *                   alike; left out of the canonical JSON when false, so plans written before it keep their hash
 */
public record StudyPlan(String schema, String study, PlanSuite suite, List<String> candidates, List<PlanTask> tasks,
                        Analysis analysis, boolean simulated,
                        @com.fasterxml.jackson.annotation.JsonInclude(
                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT) Boolean auditSessions) {
    public static final String SCHEMA = "bedside.plan/1";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A plan whose sessions are not audited for accessibility. */
    public StudyPlan(String schema, String study, PlanSuite suite, List<String> candidates, List<PlanTask> tasks,
                     Analysis analysis, boolean simulated) {
        this(schema, study, suite, candidates, tasks, analysis, simulated, false);
    }

    public StudyPlan {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("plan schema must be " + SCHEMA + ", not " + schema);
        }
        // Boxed only so that a plan without it (written before it) reads as false; never null once made.
        auditSessions = Boolean.TRUE.equals(auditSessions);
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(analysis, "analysis");
        candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("the plan names no candidates: a study compares at least one");
        }
        if (new HashSet<>(candidates).size() != candidates.size()) {
            throw new IllegalArgumentException("the plan names a candidate twice: " + candidates);
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("the plan names no tasks");
        }
        Set<String> ids = new HashSet<>();
        for (PlanTask t : tasks) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("the plan names task " + t.id() + " twice");
            }
        }
        if (tasks.stream().noneMatch(t -> t.weight() > 0)) {
            throw new IllegalArgumentException("no task has a positive weight: the composite would weigh nothing");
        }
    }

    /** The suite version: its id, its version label (may be null) and the content hash of its files. */
    public record PlanSuite(String id, String version, String hash) {
        public PlanSuite {
            Objects.requireNonNull(id, "suite id");
            Objects.requireNonNull(hash, "suite hash");
        }
    }

    /**
     * A task as the plan scores it.
     *
     * @param weight           its weight in the composite (criticality × frequency), ≥ 0; 0 leaves it out
     * @param criticality      the criticality factor of the weight, or null when the weight was given whole
     * @param frequency        the frequency factor of the weight, or null when the weight was given whole
     * @param timeLimitSeconds after this an attempt is a failure
     * @param successCriteria  what must be true for a success, in the suite's words
     * @param criticalChecks   what must not happen (patient safety), in the suite's words
     * @param timeSpecSeconds  the task time a participant should be within, the SUM's time specification (Sauro &amp;
     *                         Kindlund 2005), as the suite states it; null when it states none (then left out of the
     *                         canonical JSON, so plans written before it keep their hash)
     */
    public record PlanTask(String id, double weight, Double criticality, Double frequency, double timeLimitSeconds,
                           List<String> successCriteria, List<String> criticalChecks,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Double timeSpecSeconds) {
        /** A task without a time specification (the SUM then has no time component for it). */
        public PlanTask(String id, double weight, Double criticality, Double frequency, double timeLimitSeconds,
                        List<String> successCriteria, List<String> criticalChecks) {
            this(id, weight, criticality, frequency, timeLimitSeconds, successCriteria, criticalChecks, null);
        }

        public PlanTask {
            Objects.requireNonNull(id, "task id");
            successCriteria = List.copyOf(successCriteria);
            criticalChecks = List.copyOf(criticalChecks);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("task " + id + ": weight must be a finite number >= 0, not "
                        + weight);
            }
            if (!(timeLimitSeconds > 0)) {
                throw new IllegalArgumentException("task " + id + ": time limit must be > 0 s");
            }
            if (timeSpecSeconds != null && !(timeSpecSeconds > 0 && timeSpecSeconds <= timeLimitSeconds)) {
                throw new IllegalArgumentException("task " + id + ": time specification must be > 0 s and within the "
                        + "time limit, not " + timeSpecSeconds);
            }
        }
    }

    /**
     * The analysis, as {@code reports}' statistics compute it.
     *
     * @param measures                 the measures reported, in the order reported
     * @param composite                how tasks combine: {@code sum} (the Single Usability Metric per task,
     *                                 weighted by task, Sauro &amp; Kindlund 2005)
     * @param confidence               the confidence level of every interval: 0.95
     * @param resamples                bootstrap resamples of the composite
     * @param seed                     the bootstrap's seed
     * @param design                   {@code within} (every participant uses every candidate) or {@code between}
     * @param participantsPerCandidate the target sample per candidate
     */
    public record Analysis(List<String> measures, String composite, double confidence, int resamples, long seed,
                           String design, int participantsPerCandidate) {
        public static final List<String> MEASURES = List.of("completion", "time", "errors", "seq", "sus",
                "path-deviation", "time-deviation", "use-errors", "assists");

        public Analysis {
            measures = List.copyOf(measures);
            for (String m : measures) {
                if (!MEASURES.contains(m)) {
                    throw new IllegalArgumentException("unknown measure " + m + ": one of " + MEASURES);
                }
            }
            if (!"sum".equals(composite)) {
                throw new IllegalArgumentException("composite must be sum, not " + composite);
            }
            if (confidence != 0.95) {
                throw new IllegalArgumentException("confidence must be 0.95 (the level every interval is computed at)"
                        + ", not " + confidence);
            }
            if (resamples < 1000) {
                throw new IllegalArgumentException("bootstrap resamples must be at least 1000, not " + resamples);
            }
            if (!"within".equals(design) && !"between".equals(design)) {
                throw new IllegalArgumentException("design must be within or between, not " + design);
            }
            if (participantsPerCandidate < 1) {
                throw new IllegalArgumentException("participants per candidate must be at least 1");
            }
        }
    }

    /** The plan's weights by task, in plan order. */
    public List<String> taskIds() {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.id()));
        return ids;
    }

    /** One line of JSON, keys sorted, no whitespace: the bytes the hash is taken over. */
    public String canonicalJson() {
        try {
            return CANONICAL.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always writes", e);
        }
    }

    /** {@code sha256:} + hex SHA-256 of {@link #canonicalJson()} in UTF-8. */
    public String hash() {
        return hashOf(canonicalJson());
    }

    /** {@code sha256:} + hex SHA-256 of the text's UTF-8 bytes. */
    public static String hashOf(String canonicalJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Reads a plan's JSON (canonical or not), checking it as the constructor does.
     *
     * @throws IllegalArgumentException with the reason when it is not a plan
     */
    public static StudyPlan fromJson(String json) {
        try {
            return CANONICAL.readValue(json, StudyPlan.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("not a study plan: " + (cause == e ? e.getOriginalMessage()
                    : cause.getMessage()), e);
        }
    }
}
