package bedside.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 11: task orders — the Latin square balanced for 1…12 participants over the shipped tasks (14, then 15), and beyond. */
class TaskOrderTest {
    static List<Integer> tasks(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    static List<List<Integer>> orders(int tasks, int participants) {
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            out.add(TaskOrder.of(tasks(tasks), TaskOrder.Mode.LATIN_SQUARE, p, 0));
        }
        return out;
    }

    /** How often each task is taken at each position. */
    static int[][] positions(List<List<Integer>> orders, int n) {
        int[][] count = new int[n][n];
        for (List<Integer> o : orders) {
            for (int pos = 0; pos < n; pos++) {
                count[o.get(pos)][pos]++;
            }
        }
        return count;
    }

    /** How often each task directly follows each other. */
    static Map<List<Integer>, Integer> pairs(List<List<Integer>> orders) {
        Map<List<Integer>, Integer> count = new HashMap<>();
        for (List<Integer> o : orders) {
            for (int i = 1; i < o.size(); i++) {
                count.merge(List.of(o.get(i - 1), o.get(i)), 1, Integer::sum);
            }
        }
        return count;
    }

    @Test
    void theWilliamsFirstRowAndItsShifts() {
        assertThat(TaskOrder.of(tasks(6), TaskOrder.Mode.LATIN_SQUARE, 0, 0)).containsExactly(0, 1, 5, 2, 4, 3);
        assertThat(TaskOrder.of(tasks(6), TaskOrder.Mode.LATIN_SQUARE, 1, 0)).containsExactly(1, 2, 0, 3, 5, 4);
        assertThat(TaskOrder.of(tasks(6), TaskOrder.Mode.LATIN_SQUARE, 6, 0)).containsExactly(0, 1, 5, 2, 4, 3);
        // An odd n: the square, then its mirror.
        assertThat(TaskOrder.rows(5)).isEqualTo(10);
        assertThat(TaskOrder.of(tasks(5), TaskOrder.Mode.LATIN_SQUARE, 0, 0)).containsExactly(0, 1, 4, 2, 3);
        assertThat(TaskOrder.of(tasks(5), TaskOrder.Mode.LATIN_SQUARE, 5, 0)).containsExactly(3, 2, 4, 1, 0);
    }

    @Test
    void oneToTwelveParticipantsOverTheFourteenShippedTasksAreBalancedAsFarAsTheyCanBe() {
        for (int n = 1; n <= 12; n++) {
            List<List<Integer>> orders = orders(14, n);
            assertThat(orders).allSatisfy(o -> assertThat(o).containsExactlyInAnyOrderElementsOf(tasks(14)));
            // n participants fill n of the square's 14 rows: each position holds n different tasks, and no task
            // follows another more than once.
            for (int[] task : positions(orders, 14)) {
                assertThat(IntStream.of(task).max().orElse(0)).as("n=" + n).isLessThanOrEqualTo(1);
                assertThat(IntStream.of(task).sum()).isEqualTo(n);
            }
            assertThat(pairs(orders).values()).as("n=" + n).allMatch(c -> c == 1);
        }
    }

    /**
     * The shipped suite's 15 tasks (find-patient made them odd): each position still holds n different tasks, but an
     * odd square balances who-follows-whom only with its mirror (30 rows), so from the 8th participant on a task may
     * follow another twice.
     */
    @Test
    void oneToTwelveParticipantsOverTheFifteenShippedTasks() {
        for (int n = 1; n <= 12; n++) {
            List<List<Integer>> orders = orders(15, n);
            for (int[] task : positions(orders, 15)) {
                assertThat(IntStream.of(task).max().orElse(0)).as("n=" + n).isLessThanOrEqualTo(1);
            }
            int most = pairs(orders).values().stream().mapToInt(Integer::intValue).max().orElse(0);
            assertThat(most).as("n=" + n).isEqualTo(n <= 7 ? 1 : 2);
        }
    }

    @Test
    void aWholeSquareTakesEveryTaskInEveryPlaceAndAfterEveryOtherEquallyOften() {
        for (int tasks = 2; tasks <= 15; tasks++) {
            int rows = TaskOrder.rows(tasks);
            List<List<Integer>> orders = orders(tasks, rows);
            int times = rows / tasks; // 1 for an even number of tasks, 2 for an odd one
            for (int[] task : positions(orders, tasks)) {
                assertThat(task).as(tasks + " tasks").containsOnly(times);
            }
            Map<List<Integer>, Integer> pairs = pairs(orders);
            assertThat(pairs).as(tasks + " tasks").hasSize(tasks * (tasks - 1));
            assertThat(pairs.values()).as(tasks + " tasks").containsOnly(times);
        }
    }

    @Test
    void randomOrdersAreSeededPerParticipantAndFixedIsTheSuitesOwn() {
        List<Integer> t = tasks(14);
        assertThat(TaskOrder.of(t, TaskOrder.Mode.RANDOM, 3, 42)).isEqualTo(TaskOrder.of(t, TaskOrder.Mode.RANDOM, 3, 42))
                .containsExactlyInAnyOrderElementsOf(t)
                .isNotEqualTo(TaskOrder.of(t, TaskOrder.Mode.RANDOM, 4, 42))
                .isNotEqualTo(TaskOrder.of(t, TaskOrder.Mode.RANDOM, 3, 43));
        assertThat(TaskOrder.of(t, TaskOrder.Mode.FIXED, 7, 1)).isEqualTo(t);
        assertThat(TaskOrder.Mode.of("latin")).isEqualTo(TaskOrder.Mode.LATIN_SQUARE);
        assertThat(TaskOrder.Mode.of("latin-square")).isEqualTo(TaskOrder.Mode.LATIN_SQUARE);
        assertThatThrownBy(() -> TaskOrder.Mode.of("shuffled")).hasMessageContaining("fixed, random or latin-square");
        assertThatThrownBy(() -> TaskOrder.of(t, TaskOrder.Mode.FIXED, -1, 0)).hasMessageContaining("from 0");
    }
}
