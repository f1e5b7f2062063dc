package bedside.candidates.web;

import bedside.candidates.domain.Clinician;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cookie logins. The cookie name carries the port, because browsers share cookies between ports of one host
 * and both candidates run on 127.0.0.1.
 */
public final class Logins {
    public static final String ATTRIBUTE = "bedside.login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Login> byToken = new ConcurrentHashMap<>();
    private final String cookieBase;
    private volatile String cookieName;

    public Logins(String cookieBase) {
        this.cookieBase = cookieBase;
        this.cookieName = cookieBase;
    }

    void bindPort(int port) {
        this.cookieName = cookieBase + "_" + port;
    }

    public String cookieName() {
        return cookieName;
    }

    /** The login of this request, or null. */
    public Login find(Context ctx) {
        String token = ctx.cookie(cookieName);
        return token == null ? null : byToken.get(token);
    }

    public Login signIn(Context ctx, Clinician user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Login login = new Login(token, user);
        byToken.put(token, login);
        ctx.header("Set-Cookie", cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Lax");
        return login;
    }

    public void signOut(Context ctx) {
        Login login = find(ctx);
        if (login != null) {
            byToken.remove(login.token());
        }
        ctx.header("Set-Cookie", cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    /** The login put on the request by the sign-in filter. */
    public static Login of(Context ctx) {
        Login login = ctx.attribute(ATTRIBUTE);
        if (login == null) {
            throw new IllegalStateException("not signed in");
        }
        return login;
    }
}
