package bedside.results.server;

import bedside.results.StudyRecord;
import bedside.results.SusRecord;
import bedside.results.TaskRatingRecord;
import bedside.results.client.Json;
import bedside.results.store.ResultsStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Requests.*;

/** Questionnaire answers: post-task ratings (SEQ) and SUS, in the study's hash chain. */
final class QuestionnaireRoutes extends RouteGroup {
    QuestionnaireRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/questionnaire-answers", this::listQuestionnaires, ADMIN,
                EVALUATOR);
        r.route(HandlerType.POST, "/api/studies/{study}/questionnaire-answers", this::saveQuestionnaires, ADMIN,
                EVALUATOR);
    }

    private void listQuestionnaires(Context ctx) {
        StudyRecord s = study(ctx);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("taskRatings", Json.MAPPER.valueToTree(store.taskRatings(s.code())));
        out.set("sus", Json.MAPPER.valueToTree(store.susAnswers(s.code())));
        ctx.json(out);
    }

    private void saveQuestionnaires(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Questionnaires b = body(ctx, Bodies.Questionnaires.class);
        List<TaskRatingRecord> ratings = new ArrayList<>();
        List<SusRecord> sus = new ArrayList<>();
        List<Bodies.TaskRating> rb = b.taskRatings() == null ? List.of() : b.taskRatings();
        for (int i = 0; i < rb.size(); i++) {
            String f = "taskRatings[" + i + "].";
            Bodies.TaskRating r = require(rb.get(i), "taskRatings[" + i + "]");
            UUID session = sessionIn(s, require(r.sessionId(), f + "sessionId"), f + "sessionId");
            int min = r.scaleMin() == null ? 1 : r.scaleMin();
            int max = r.scaleMax() == null ? 7 : r.scaleMax();
            int rating = require(r.rating(), f + "rating");
            if (min >= max) {
                throw ApiProblem.invalid(f + "scaleMin must be below scaleMax", f + "scaleMin");
            }
            if (rating < min || rating > max) {
                throw ApiProblem.invalid(f + "rating must be " + min + ".." + max + ", got " + rating, f + "rating");
            }
            ratings.add(new TaskRatingRecord(session, code(r.task(), f + "task"),
                    r.instrument() == null ? "seq" : code(r.instrument(), f + "instrument"), rating, min, max,
                    r.comment(), require(r.answeredAt(), f + "answeredAt")));
        }
        List<Bodies.Sus> sb = b.sus() == null ? List.of() : b.sus();
        for (int i = 0; i < sb.size(); i++) {
            String f = "sus[" + i + "].";
            Bodies.Sus r = require(sb.get(i), "sus[" + i + "]");
            UUID session = sessionIn(s, require(r.sessionId(), f + "sessionId"), f + "sessionId");
            List<Integer> answers = require(r.answers(), f + "answers");
            if (answers.size() != 10) {
                throw ApiProblem.invalid(f + "answers must hold the 10 SUS items, got " + answers.size(), f + "answers");
            }
            for (int k = 0; k < 10; k++) {
                Integer a = answers.get(k);
                if (a == null || a < 1 || a > 5) {
                    throw ApiProblem.invalid(f + "answers[" + k + "] must be 1..5, got " + a, f + "answers[" + k + "]");
                }
            }
            sus.add(new SusRecord(session, answers, require(r.answeredAt(), f + "answeredAt")));
        }
        int[] stored = new int[2];
        database.dsl().transaction(cfg -> {
            ResultsStore tx = new ResultsStore(cfg.dsl());
            for (int i = 0; i < ratings.size(); i++) {
                int k = i;
                stored[0] += guard(() -> tx.saveTaskRating(ratings.get(k)), "taskRatings[" + i + "]") ? 1 : 0;
            }
            for (int i = 0; i < sus.size(); i++) {
                int k = i;
                stored[1] += guard(() -> tx.saveSus(sus.get(k)), "sus[" + i + "]") ? 1 : 0;
            }
        });
        ctx.json(Map.of("taskRatingsStored", stored[0], "susStored", stored[1],
                "alreadyStored", ratings.size() + sus.size() - stored[0] - stored[1]));
    }

    private UUID sessionIn(StudyRecord s, UUID session, String field) {
        if (!store.studyOfSession(session).map(s.code()::equals).orElse(false)) {
            throw ApiProblem.invalid("no session " + session + " in study " + s.code(), field);
        }
        return session;
    }
}
