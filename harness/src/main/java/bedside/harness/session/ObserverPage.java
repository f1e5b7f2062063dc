package bedside.harness.session;

import bedside.harness.record.PageEvent;
import bedside.results.MarkerRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The observer's live page: for a second person (or the moderator on another screen) while the participant works. It
 * shows the task, the elapsed time and what the participant does on the candidate — the screens and the clicks, as
 * the recorder delivers them (server-sent events; nothing typed is shown, as nothing typed is stored) — and puts
 * markers on the session: a use error (slip, mistake, critical), an assist, a note, each timestamped on the attempt.
 * It never touches the candidate. Its address carries a one-time key; without it there is nothing.
 *
 * <p>It listens on every interface (the observer may sit at another machine); the key is 128 random bits.
 */
public final class ObserverPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_LINES = 300;

    /** Puts a marker on the session now; throws {@link IllegalArgumentException} saying why it cannot. */
    public interface Marking {
        MarkerRecord mark(String kind, String note);
    }

    private final Javalin app;
    private final String key = Pages.newKey();
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final Deque<ObjectNode> feed = new ArrayDeque<>();
    private final List<ObjectNode> marks = new ArrayList<>();
    private volatile Marking marking = (kind, note) -> {
        throw new IllegalArgumentException("the session has not started yet");
    };
    private ObjectNode state = JSON.createObjectNode().put("status", "waiting");

    private ObserverPage(int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.jetty.host = "0.0.0.0";
            config.jetty.port = port;
            config.routes.addHttpHandler(HandlerType.GET, "/observe/{key}/", this::page);
            config.routes.addHttpHandler(HandlerType.GET, "/observe/{key}/events", new SseHandler(this::connect));
            config.routes.addHttpHandler(HandlerType.POST, "/observe/{key}/marker", this::mark);
        });
    }

    /** Serves the observer's page on {@code port} (0: any free port) on every interface. */
    public static ObserverPage start(int port) {
        ObserverPage page = new ObserverPage(port);
        page.app.start();
        return page;
    }

    /** The page's address on this machine, with its key. */
    public String url() {
        return "http://127.0.0.1:" + app.port() + "/observe/" + key + "/";
    }

    /** The page's address as another machine reaches it (this machine's name), with its key. */
    public String networkUrl() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this-machine";
        }
        return "http://" + host + ":" + app.port() + "/observe/" + key + "/";
    }

    /** Who marks: the session, once it runs. */
    void marking(Marking m) {
        this.marking = m;
    }

    /** The task now on: shown as the participant sees it, with the clock's start when it runs (epoch ms), else null. */
    void task(SessionPanel.TaskView task, String candidate, Double clockStart, String status) {
        ObjectNode s = JSON.createObjectNode().put("status", status).put("candidate", candidate).put("taskId", task.id())
                .put("title", task.title()).put("instruction", task.instruction()).put("number", task.number())
                .put("of", task.of());
        if (clockStart != null) {
            s.put("start", clockStart);
        }
        synchronized (this) {
            state = s;
        }
        send("state", s);
    }

    /** A state without a task (consent, the SUS, the end). */
    void status(String status) {
        ObjectNode s = JSON.createObjectNode().put("status", status);
        synchronized (this) {
            state = s;
        }
        send("state", s);
    }

    /** What the recorder delivered during the task: the screens and clicks, as lines for people. */
    void events(List<PageEvent> events, double clockStart) {
        for (PageEvent e : events) {
            if (e.t() < clockStart) {
                continue;
            }
            String line = line(e);
            if (line == null) {
                continue;
            }
            ObjectNode n = JSON.createObjectNode().put("t", e.t() - clockStart).put("text", line)
                    .put("kind", e.type());
            synchronized (this) {
                feed.addLast(n);
                while (feed.size() > KEPT_LINES) {
                    feed.removeFirst();
                }
            }
            send("feed", n);
        }
    }

    void marked(MarkerRecord m) {
        ObjectNode n = JSON.createObjectNode().put("kind", m.kind()).put("note", m.note()).put("task", m.task());
        if (m.tMs() != null) {
            n.put("t", m.tMs());
        }
        synchronized (this) {
            marks.add(n);
        }
        send("marker", n);
    }

    /** One line for an event the observer wants to see, or null. */
    static String line(PageEvent e) {
        return switch (e.type()) {
            case "page-start" -> e.top() ? "screen " + bedside.harness.measure.Measures.screen(e.url()) : null;
            case "route" -> e.top() ? "screen " + bedside.harness.measure.Measures.screen(e.text("to")) : null;
            case "pointer-down" -> {
                if (e.data().path("button").asInt(0) != 0) {
                    yield null;
                }
                JsonNode t = e.data().path("target");
                String what = t.hasNonNull("role") ? t.get("role").asText() : t.path("tag").asText("?");
                String name = t.path("name").asText("");
                yield "click on " + what + (name.isBlank() ? "" : " \u201c" + shorten(name) + "\u201d")
                        + (t.path("actionable").isBoolean() && !t.path("actionable").asBoolean() ? " (nothing to act on)" : "");
            }
            case "validation" -> "validation message" + (e.text("message") == null ? "" : ": " + shorten(e.text("message")));
            case "dialog-open" -> "a dialog opened";
            case "warning" -> "the candidate warned" + (e.text("message") == null ? "" : ": " + shorten(e.text("message")));
            default -> null;
        };
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 60 ? one.substring(0, 59) + "\u2026" : one;
    }

    @Override
    public void close() {
        clients.forEach(SseClient::close);
        app.stop();
    }

    private boolean keyed(Context ctx) {
        return Pages.keyed(ctx, key);
    }

    private void page(Context ctx) {
        Pages.serve(ctx, key, "observer.html");
    }

    private void connect(SseClient client) {
        if (!key.equals(client.ctx().pathParam("key"))) {
            client.ctx().status(404);
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        ObjectNode s;
        List<ObjectNode> lines;
        List<ObjectNode> marked;
        synchronized (this) {
            s = state;
            lines = List.copyOf(feed);
            marked = List.copyOf(marks);
        }
        client.sendEvent("state", s.toString());
        lines.forEach(l -> client.sendEvent("feed", l.toString()));
        marked.forEach(m -> client.sendEvent("marker", m.toString()));
        clients.add(client);
    }

    private void send(String event, ObjectNode data) {
        String text = data.toString();
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent(event, text);
            }
        }
    }

    private void mark(Context ctx) throws IOException {
        if (!keyed(ctx)) {
            return;
        }
        JsonNode body = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
        String kind = body.path("kind").asText("").toLowerCase(Locale.ROOT);
        String note = body.path("note").isTextual() && !body.path("note").asText().isBlank()
                ? body.path("note").asText().strip() : null;
        try {
            MarkerRecord m = marking.mark(kind, note);
            ctx.status(201).contentType("application/json").result(JSON.createObjectNode()
                    .put("markerId", m.markerId().toString()).toString());
        } catch (IllegalArgumentException e) {
            ctx.status(400).contentType("application/json").result(JSON.createObjectNode()
                    .put("problem", e.getMessage()).toString());
        }
    }

}
