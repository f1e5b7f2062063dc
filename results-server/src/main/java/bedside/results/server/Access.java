package bedside.results.server;

import bedside.results.Role;
import io.javalin.security.RouteRole;

/** The route roles of the API: the four token roles, and {@link #PUBLIC} for what needs no token. */
public enum Access implements RouteRole {
    PUBLIC, ADMIN, EVALUATOR, VENDOR, BOARD;

    static Access of(Role role) {
        return valueOf(role.name());
    }
}
