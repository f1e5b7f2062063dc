package bedside.harness.bench;

import bedside.harness.run.Pace;
import bedside.harness.session.simulation.PanelModel;
import bedside.scenarios.Step;

/**
 * A benchmark's person: before each step it waits the Keystroke-Level Model's nominal time for that step (the
 * operators {@link PanelModel#operators} places, at the shipped panel model's operator times: M 1.35 s, P 1.1 s, B 0.1 s,
 * H 0.4 s, K 0.28 s), and types key by key with a K before each key — a skilled, error-free person, at the same pace in
 * every mode. No draws, no misclicks and nothing looked up in the page (a simulated participant looks for its target
 * first, which would be WebDriver work of its own inside the timed steps).
 */
final class KlmPace implements Pace {
    private static final PanelModel MODEL = PanelModel.shipped();
    private PanelModel.Hand hand = PanelModel.Hand.MOUSE;

    @Override
    public void before(Action action) {
        Step step = action.step();
        PanelModel.StepOperators ops = PanelModel.operators(step, action.text(), false, hand);
        hand = ops.after();
        sleep(MODEL.nominalSeconds(step instanceof Step.Type ? ops.beforeTyping() : ops.operators()));
    }

    @Override
    public boolean keyByKey() {
        return true;
    }

    @Override
    public void beforeKey(int index, String text) {
        sleep(MODEL.nominalSeconds("K"));
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
