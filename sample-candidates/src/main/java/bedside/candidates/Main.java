package bedside.candidates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the sample candidates for clicking around: {@code Main [streamlined] [legacy] [--port-streamlined N]
 * [--port-legacy N]}. With no ids, starts both. Ports default to free ports. Runs until killed.
 */
public final class Main {
    private Main() {}

    /** What to start: candidate ids in order and any fixed ports. */
    record Options(List<String> ids, Map<String, Integer> ports, boolean help) {}

    static Options parse(String[] args) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                return new Options(List.of(), Map.of(), true);
            } else if (a.startsWith("--port-")) {
                String id = a.substring("--port-".length());
                String value;
                int eq = id.indexOf('=');
                if (eq >= 0) {
                    value = id.substring(eq + 1);
                    id = id.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing port after " + a);
                }
                if (!SampleCandidates.ids().contains(id)) {
                    throw new IllegalArgumentException("unknown candidate in " + a);
                }
                ports.put(id, Integer.parseInt(value));
            } else if (SampleCandidates.ids().contains(a)) {
                if (!ids.contains(a)) {
                    ids.add(a);
                }
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "'; known candidates: " + SampleCandidates.ids());
            }
        }
        if (ids.isEmpty()) {
            ids.addAll(SampleCandidates.ids());
        }
        return new Options(List.copyOf(ids), Map.copyOf(ports), false);
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = parse(args);
        if (options.help()) {
            System.out.println("usage: Main [streamlined] [legacy] [--port-streamlined N] [--port-legacy N]");
            return;
        }
        List<String> ids = options.ids();
        Map<String, Integer> ports = options.ports();
        List<SampleCandidate> started = new ArrayList<>();
        for (String id : ids) {
            SampleCandidate c = SampleCandidates.start(id, ports.getOrDefault(id, 0));
            started.add(c);
            System.out.println(c.id() + "\t" + c.baseUrl() + "\t" + c.displayName() + " (" + c.vendor() + ")");
        }
        System.out.println("Sign in as dr.evans or nurse.patel, password bedside-demo. Ctrl+C to stop.");
        System.out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(SampleCandidate::close)));
        forever.await();
    }
}
