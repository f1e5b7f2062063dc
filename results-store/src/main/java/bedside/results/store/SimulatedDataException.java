package bedside.results.store;

/**
 * Simulated and real data would mix: a real study's plan locked over simulated sessions or participants, a simulated
 * session in a real study (or a real participant's session in a simulated one), or a session whose simulated flag
 * is not its participant's.
 */
public final class SimulatedDataException extends PlanRefusedException {
    public SimulatedDataException(String message) {
        super("simulated-data", "Simulated and real data mixed", message);
    }
}
