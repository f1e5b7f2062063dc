package bedside.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import bedside.candidates.SampleCandidate;
import bedside.candidates.SampleCandidates;
import bedside.harness.browser.BrowserSettings;
import bedside.results.Outcome;
import bedside.scenarios.Suite;
import bedside.scenarios.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every task of the shipped suite along its expert path on both sample candidates, in real headless Chromium: each
 * must succeed with every success criterion and critical check met, and the legacy-style candidate must need at
 * least as many clicks as the streamlined one (and a longer Keystroke-Level Model time). Each candidate is started once; {@link TaskRunner} resets it before
 * every attempt.
 *
 * <p>{@code -Dbedside.tasks=id1,id2} limits the run to some tasks (for working on a binding).
 */
class ShippedSuiteIT {
    static SampleCandidate streamlined;
    static SampleCandidate legacy;
    static Suite suite;
    static TaskRunner runner;

    @BeforeAll
    static void start() {
        streamlined = SampleCandidates.start(SampleCandidates.STREAMLINED, 0);
        legacy = SampleCandidates.start(SampleCandidates.LEGACY, 0);
        suite = ShippedSuite.read();
        runner = new TaskRunner(BrowserSettings.local());
    }

    @AfterAll
    static void stop() {
        if (streamlined != null) {
            streamlined.close();
        }
        if (legacy != null) {
            legacy.close();
        }
    }

    @TestFactory
    List<DynamicNode> everyTaskSucceedsOnBothCandidatesAlongItsExpertPath() {
        assertThat(suite.candidates()).containsExactlyInAnyOrder("streamlined", "legacy");
        String only = System.getProperty("bedside.tasks", "").trim();
        if (only.isEmpty()) {
            assertThat(suite.tasks()).as("tasks in the shipped suite").hasSizeGreaterThanOrEqualTo(12);
        }
        Set<String> wanted = only.isEmpty() ? null : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        List<DynamicNode> nodes = new ArrayList<>();
        for (Task task : suite.tasks()) {
            if (wanted != null && !wanted.contains(task.id())) {
                continue;
            }
            Map<String, AttemptResult> results = new LinkedHashMap<>();
            List<DynamicNode> perTask = new ArrayList<>();
            for (SampleCandidate candidate : List.of(streamlined, legacy)) {
                perTask.add(dynamicTest("succeeds on " + candidate.id(), () -> {
                    AttemptResult r = runner.attempt(suite, task, ShippedSuite.target(candidate), UUID.randomUUID(),
                            "expert-path", 1);
                    results.put(candidate.id(), r);
                    System.out.println(task.id() + " on " + candidate.id() + ": " + r.attempt() + "\n  checks "
                            + r.checks());
                    assertThat(r.attempt().outcome()).as(task.id() + " on " + candidate.id() + ": " + r.attempt().reason())
                            .isEqualTo(Outcome.SUCCESS);
                    assertThat(r.checks()).as(task.id() + " on " + candidate.id() + ": the checks")
                            .hasSize(task.successCriteria().size() + task.criticalChecks().size())
                            .allSatisfy(c -> assertThat(c.passed()).as(c.description() + ": " + c.detail()).isTrue());
                    assertThat(r.recordingComplete()).as("the recording is complete").isTrue();
                    // An expert path makes no input errors: the candidate's own warnings (interaction checks, clinical
                    // alerts) must be recorded as warnings, not as validation errors.
                    assertThat(r.attempt().validationErrors()).as(task.id() + " on " + candidate.id() + ": validation "
                            + "messages " + r.events().stream().filter(e -> e.type().equals("validation")).map(e -> e.json()).toList())
                            .isZero();
                    if (task.id().contains("interaction")) {
                        assertThat(r.measures().warnings()).as(task.id() + " on " + candidate.id() + ": the warning shown")
                                .isPositive();
                    }
                }));
            }
            perTask.add(dynamicTest("legacy needs at least as many clicks as streamlined, and more time", () -> {
                AttemptResult s = results.get(streamlined.id());
                AttemptResult l = results.get(legacy.id());
                assertThat(s).as("the streamlined attempt ran").isNotNull();
                assertThat(l).as("the legacy attempt ran").isNotNull();
                assertThat(l.attempt().clicks()).as(task.id() + ": legacy clicks vs streamlined clicks")
                        .isGreaterThanOrEqualTo(s.attempt().clicks());
                // And a skilled user's predicted time (KLM, from the recorded actions) is longer on legacy.
                assertThat(l.attempt().klmMs()).as(task.id() + ": legacy KLM time vs streamlined KLM time")
                        .isGreaterThan(s.attempt().klmMs());
            }));
            nodes.add(dynamicContainer(task.id(), perTask));
        }
        assertThat(nodes).as("tasks selected by -Dbedside.tasks=" + only).isNotEmpty();
        return nodes;
    }
}
