package bedside.results.server;

import bedside.results.TaskText;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Requests.*;

/** Suite versions: the exact text of every task, stored once by its hash. */
final class SuiteRoutes extends RouteGroup {
    SuiteRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.POST, "/api/suite-versions", this::saveSuiteVersion, ADMIN, EVALUATOR);
    }

    private void saveSuiteVersion(Context ctx) {
        Bodies.SuiteVersion b = body(ctx, Bodies.SuiteVersion.class);
        String suiteId = text(b.suiteId(), "suiteId");
        String hash = hash(b.contentHash(), "contentHash");
        List<TaskText> tasks = new ArrayList<>();
        List<Bodies.Task> bodyTasks = require(b.tasks(), "tasks");
        if (bodyTasks.isEmpty()) {
            throw ApiProblem.invalid("tasks must list at least one task", "tasks");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < bodyTasks.size(); i++) {
            Bodies.Task t = require(bodyTasks.get(i), "tasks[" + i + "]");
            String f = "tasks[" + i + "].";
            TaskText task = new TaskText(code(t.id(), f + "id"), text(t.title(), f + "title"),
                    require(t.instruction(), f + "instruction"), hash(t.contentHash(), f + "contentHash"), t.given());
            if (!ids.add(task.id())) {
                throw ApiProblem.invalid("task " + task.id() + " appears twice", f + "id");
            }
            tasks.add(task);
        }
        guard(() -> {
            store.saveSuiteVersion(suiteId, b.version(), hash, b.title(), tasks);
            return null;
        });
        ctx.status(200).json(Map.of("contentHash", hash, "tasks", tasks.size()));
    }
}
