package bedside.results.server;

import bedside.results.ParticipantRecord;
import bedside.results.StudyRecord;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Map;

import static bedside.results.server.Access.ADMIN;
import static bedside.results.server.Access.EVALUATOR;
import static bedside.results.server.Requests.*;

/** The participants of a study (pseudonymous codes). */
final class ParticipantRoutes extends RouteGroup {
    ParticipantRoutes(RouteGroup.Services services) {
        super(services);
    }

    @Override
    void register(Router r) {
        r.route(HandlerType.GET, "/api/studies/{study}/participants", this::listParticipants, ADMIN, EVALUATOR);
        r.route(HandlerType.POST, "/api/studies/{study}/participants", this::createParticipant, ADMIN, EVALUATOR);
    }

    private void listParticipants(Context ctx) {
        ctx.json(Map.of("items", store.participants(study(ctx).code())));
    }

    private void createParticipant(Context ctx) {
        StudyRecord s = study(ctx);
        Bodies.Participant b = body(ctx, Bodies.Participant.class);
        String code = code(b.code(), "code");
        nonNegative(b.yearsInRole(), "yearsInRole");
        nonNegative(b.ehrExperienceYears(), "ehrExperienceYears");
        if (b.ageBand() != null && (b.ageBand().isBlank() || b.ageBand().length() > 20)) {
            throw ApiProblem.invalid("ageBand must be 1-20 characters, e.g. 30-39", "ageBand");
        }
        ParticipantRecord known = store.participant(s.code(), code).orElse(null);
        // simulated is fixed when the participant is first stored; left out, it is what is stored (else false).
        boolean simulated = b.simulated() != null ? b.simulated() : known != null && known.simulated();
        ParticipantRecord p = new ParticipantRecord(code, b.role(), b.yearsInRole(), b.ehrExperienceYears(),
                b.ehrSystemsUsed(), b.ageBand(), b.assistiveTechnology(), b.consentedAt(), simulated);
        boolean created = known == null;
        // New: stored. Known: the details it lacks are filled in; a detail stored with another value is a 409.
        ParticipantRecord stored = guard(() -> store.saveParticipant(s.code(), p));
        ctx.status(created ? 201 : 200).json(stored);
    }
}
