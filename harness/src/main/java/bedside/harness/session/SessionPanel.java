package bedside.harness.session;

import bedside.harness.run.Stop;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The participant's task panel: a page Bedside serves in a window of its own, never injected into the candidate's
 * pages (so it cannot change what is measured). It shows one screen at a time — consent and the participant's
 * details, the task and its Start button, Done / Give up while the task runs, the SEQ after it, the SUS at the end —
 * and hands what the participant did to the session, which waits for it.
 *
 * <p>Times come from the panel page's own clock ({@code performance.timeOrigin + performance.now()}, epoch ms with
 * sub-millisecond resolution), taken in the click handler: the same clock, on the same machine, as the one the
 * candidate's recorder stamps its events with, so the task time does not include the request to Bedside.
 *
 * <p>The page's address carries a random one-time key; requests without it get 404.
 */
public final class SessionPanel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a waiting session looks whether Bedside is being stopped. */
    private static final long SLICE_MILLIS = 250;
    /** How long a page's request for the next screen is held before it is answered with the same one. */
    private static final long STATE_WAIT_MILLIS = 10_000;

    private final Javalin app;
    private final String key = Pages.newKey();
    private final BlockingQueue<Action> actions = new LinkedBlockingQueue<>();
    private ObjectNode screen;
    private volatile int version;

    /** What the participant did on the current screen, with the panel's clock reading where it has one. */
    private record Action(int version, String kind, JsonNode body) {}

    /** Thrown to a waiting session when Bedside is being stopped (Ctrl-C, SIGTERM) or the session was ended. */
    public static final class Stopped extends RuntimeException {
        Stopped(String why) {
            super(why);
        }
    }

    private volatile String ended;
    private boolean closed;
    /** The newest screen a page has fetched. */
    private volatile int servedVersion;

    /** Ends the session from outside: whatever the session waits for in the panel throws {@link Stopped} with why. */
    public void end(String why) {
        ended = why;
        synchronized (this) {
            notifyAll();
        }
    }

    private SessionPanel(int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.routes.addHttpHandler(HandlerType.GET, "/session/{key}/", this::page);
            config.routes.addHttpHandler(HandlerType.GET, "/session/{key}/state", this::state);
            config.routes.addHttpHandler(HandlerType.POST, "/session/{key}/{action}", this::act);
        });
        show(screen("wait").put("message", "The session is being prepared."));
    }

    /** Serves the panel on 127.0.0.1 ({@code port} 0: any free port). */
    public static SessionPanel start(int port) {
        SessionPanel panel = new SessionPanel(port);
        panel.app.start();
        return panel;
    }

    /** Puts the browser window showing the panel on the right of the screen, beside the candidate's. */
    public static void placeAsPanel(org.openqa.selenium.WebDriver driver) {
        Windows.panel(driver);
    }

    /** The page's address, with its key. */
    public String url() {
        return "http://127.0.0.1:" + app.port() + "/session/" + key + "/";
    }

    // ---- what the session shows, and waits for ----

    /** The participant's details as the consent screen collected them. */
    public record Details(String role, Integer yearsInRole, Integer ehrExperienceYears, String ehrSystemsUsed,
                          String ageBand, String assistiveTechnology) {}

    /**
     * The consent screen: the study's consent statement to confirm and — unless the study already has them — the
     * participant's details. Waits until both are given and valid.
     *
     * @param askDetails false when the participant's details are already in the study (asked once per study)
     * @return the details given, or null when they were not asked
     */
    public Details consent(String participant, boolean askDetails) {
        show(screen("consent").put("participant", participant).put("askDetails", askDetails));
        while (true) {
            Action a = await("consent");
            JsonNode b = a.body();
            if (!b.path("consent").asBoolean(false)) {
                problem("Please confirm consent to take part before the first task.");
                continue;
            }
            if (!askDetails) {
                return null;
            }
            Details d = new Details(text(b, "role"), integer(b, "yearsInRole"), integer(b, "ehrExperienceYears"),
                    text(b, "ehrSystemsUsed"), text(b, "ageBand"), text(b, "assistiveTechnology"));
            Optional<String> wrong = detailsProblem(d);
            if (wrong.isPresent()) {
                problem(wrong.get());
                continue;
            }
            return d;
        }
    }

    /** Why the participant's details cannot be stored, or empty. */
    static Optional<String> detailsProblem(Details d) {
        if (d.role() == null) {
            return Optional.of("Please give your role (e.g. nurse, physician, pharmacist).");
        }
        if (d.yearsInRole() == null || d.yearsInRole() < 0 || d.yearsInRole() > 70) {
            return Optional.of("Please give your years in that role (0 to 70).");
        }
        if (d.ehrExperienceYears() == null || d.ehrExperienceYears() < 0 || d.ehrExperienceYears() > 70) {
            return Optional.of("Please give your years of using electronic health records (0 to 70).");
        }
        if (d.ageBand() == null || !Demographics.AGE_BANDS.contains(d.ageBand())) {
            return Optional.of("Please choose your age band.");
        }
        if (d.assistiveTechnology() == null) {
            return Optional.of("Please say which assistive technology you use, or none.");
        }
        return Optional.empty();
    }

    /** Tells the participant to wait (the candidate is being reset, the next task prepared). */
    public void waiting(String message) {
        show(screen("wait").put("message", message));
    }

    /** A task as the participant sees it: its text exactly as the suite states it, with the data filled in. */
    public record TaskView(String id, String title, String instruction, int number, int of, double timeLimitSeconds) {
        /** Task {@code number} of {@code of}, its instruction with the suite's values filled in, as the person reads it. */
        public static TaskView of(bedside.scenarios.Suite suite, bedside.scenarios.Task task, int number, int of) {
            return new TaskView(task.id(), task.title(), bedside.scenarios.Parameters.resolve(task.instruction(),
                    bedside.scenarios.Parameters.effectiveValues(suite, task)).strip(), number, of, task.timeLimitSeconds());
        }
    }

    /** Shows the task with its Start button; returns the panel clock's reading when Start was pressed. */
    public double awaitStart(TaskView task) {
        show(task(screen("task"), task));
        return await("start").body().path("t").asDouble();
    }

    /** How the participant stopped the clock: {@code done} or {@code gave-up}, or the time limit: {@code timed-out}. */
    public record Stopping(double t, String said) {}

    /**
     * Shows Done and Give up while the task runs; returns when one is pressed, or at the time limit (then the clock
     * stops at {@code start + limit} exactly, whatever the participant does).
     */
    public Stopping awaitStop(TaskView task, double start) {
        show(task(screen("running"), task).put("start", start));
        long limitNanos = System.nanoTime() + Math.round(task.timeLimitSeconds() * 1e9);
        while (true) {
            long left = limitNanos - System.nanoTime();
            if (left <= 0) {
                return new Stopping(start + task.timeLimitSeconds() * 1000, "timed-out");
            }
            Action a = poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS)));
            if (a == null) {
                continue;
            }
            if (a.kind().equals("done") || a.kind().equals("give-up")) {
                double t = a.body().path("t").asDouble();
                if (t - start > task.timeLimitSeconds() * 1000) {
                    return new Stopping(start + task.timeLimitSeconds() * 1000, "timed-out");
                }
                return new Stopping(t, a.kind().equals("done") ? "done" : "gave-up");
            }
        }
    }

    /** An SEQ answer: the rating (1–7) and the participant's comment or null. */
    public record Seq(int rating, String comment) {}

    /** Asks the Single Ease Question about the task just done; waits for a valid answer. */
    public Seq askSeq(TaskView task) {
        ObjectNode s = task(screen("seq"), task).put("question", Instruments.SEQ_QUESTION).put("points", Instruments.SEQ_POINTS);
        Instruments.SEQ_ANCHORS.forEach(s.putArray("anchors")::add);
        show(s);
        while (true) {
            JsonNode b = await("seq").body();
            Integer rating = integer(b, "rating");
            Optional<String> wrong = Instruments.seqProblem(rating);
            if (wrong.isPresent()) {
                problem(capital(wrong.get()) + ".");
                continue;
            }
            return new Seq(rating, text(b, "comment"));
        }
    }

    /** Asks the ten SUS items about the candidate; waits until every item has a valid answer. */
    public List<Integer> askSus(String candidateName) {
        ObjectNode s = screen("sus").put("candidate", candidateName).put("points", Instruments.SUS_POINTS);
        Instruments.SUS_ITEMS.forEach(s.putArray("items")::add);
        Instruments.SUS_ANCHORS.forEach(s.putArray("anchors")::add);
        show(s);
        while (true) {
            JsonNode b = await("sus").body();
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < Instruments.SUS_ITEMS.size(); i++) {
                JsonNode v = b.path("answers").path(i);
                answers.add(v.canConvertToInt() && !v.isNull() ? v.asInt() : null);
            }
            Optional<String> wrong = Instruments.susProblem(answers);
            if (wrong.isPresent()) {
                problem(capital(wrong.get()) + ".");
                continue;
            }
            return List.copyOf(answers);
        }
    }

    /**
     * Who does a task from this panel: Start, the work in the candidate's window, Done or Give up. For an evaluator
     * demonstrating a task ({@code bedside record}) as for a participant; {@code watcher} is told when the window is
     * theirs (a scripted participant in Bedside's tests; {@link ParticipantWatcher#NONE} for a person).
     */
    public bedside.harness.run.Performer performer(TaskView task, ParticipantWatcher watcher) {
        return new ParticipantPerformer(this, task, watcher);
    }

    /**
     * The last screen: thanks, and what happens now. Waits (a few seconds at most) until the page has fetched it, so
     * the participant sees it before Bedside ends and the panel goes away.
     */
    public void finished(String message) {
        show(screen("end").put("message", message));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (servedVersion < version && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll(); // no page request is held while the server stops
        }
        app.stop();
    }

    // ---- the page and its requests ----

    private static ObjectNode screen(String name) {
        return JSON.createObjectNode().put("screen", name);
    }

    private static ObjectNode task(ObjectNode s, TaskView t) {
        return s.put("taskId", t.id()).put("title", t.title()).put("instruction", t.instruction()).put("number", t.number())
                .put("of", t.of()).put("timeLimitSeconds", t.timeLimitSeconds());
    }

    private synchronized void show(ObjectNode s) {
        version++;
        s.put("version", version);
        screen = s;
        actions.clear(); // what was pressed on an earlier screen does not count on this one
        notifyAll(); // the pages waiting for a new screen
    }

    /** Shows a problem on the current screen (the participant's answer was not taken). */
    private synchronized void problem(String message) {
        ObjectNode s = screen.deepCopy();
        version++;
        s.put("version", version).put("problem", message);
        screen = s;
        notifyAll();
    }

    private Action await(String kind) {
        while (true) {
            Action a = poll(TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS));
            if (a != null && a.kind().equals(kind)) {
                return a;
            }
        }
    }

    private Action poll(long nanos) {
        if (Stop.requested()) {
            throw new Stopped("Bedside was stopped while the session waited for the participant");
        }
        if (ended != null) {
            throw new Stopped(ended);
        }
        try {
            return actions.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted while the session waited for the participant");
        }
    }

    private boolean keyed(Context ctx) {
        return Pages.keyed(ctx, key);
    }

    private void page(Context ctx) {
        Pages.serve(ctx, key, "panel.html");
    }

    /**
     * The screen; with {@code ?after=V}, held (up to {@link #STATE_WAIT_MILLIS}) until the screen is other than version
     * V: the page asks again at once, so it sees each new screen as it comes without asking several times a second.
     */
    private void state(Context ctx) throws InterruptedException {
        if (!keyed(ctx)) {
            return;
        }
        int after = parseInt(ctx.queryParam("after"));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STATE_WAIT_MILLIS);
        ObjectNode s;
        synchronized (this) {
            while (version == after && ended == null && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            s = screen;
            servedVersion = version;
        }
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(s.toString());
    }

    private void act(Context ctx) throws IOException {
        if (!keyed(ctx)) {
            return;
        }
        String kind = ctx.pathParam("action");
        JsonNode body = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
        int forVersion = body.path("version").asInt(-1);
        synchronized (this) {
            // A press meant for a screen that has gone (a double click, a stale page) is not taken.
            if (forVersion != version) {
                ctx.status(409).contentType("application/json").result(JSON.createObjectNode()
                        .put("problem", "This screen has changed; it is shown again.").toString());
                return;
            }
            actions.add(new Action(version, kind, body));
        }
        ctx.status(202).contentType("application/json").result("{}");
    }

    /** A version the page sent, or -1 (none: answer at once). */
    private static int parseInt(String v) {
        try {
            return v == null ? -1 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private static Integer integer(JsonNode b, String field) {
        JsonNode v = b.path(field);
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,4}")) {
            return Integer.valueOf(v.asText().strip());
        }
        return null;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** For tests: the screen the panel shows now. */
    synchronized JsonNode current() {
        return screen;
    }
}
