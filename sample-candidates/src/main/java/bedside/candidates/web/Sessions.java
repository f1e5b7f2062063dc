package bedside.candidates.web;

import bedside.candidates.domain.Clinician;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cookie sessions. The cookie name carries the port, because browsers share cookies between ports of one host
 * and both candidates run on 127.0.0.1.
 */
public final class Sessions {
    public static final String ATTRIBUTE = "bedside.session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final String cookieBase;
    private volatile String cookieName;

    public Sessions(String cookieBase) {
        this.cookieBase = cookieBase;
        this.cookieName = cookieBase;
    }

    void bindPort(int port) {
        this.cookieName = cookieBase + "_" + port;
    }

    public String cookieName() {
        return cookieName;
    }

    /** The session of this request, or null. */
    public Session find(Context ctx) {
        String token = ctx.cookie(cookieName);
        return token == null ? null : byToken.get(token);
    }

    public Session signIn(Context ctx, Clinician user) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session s = new Session(token, user);
        byToken.put(token, s);
        ctx.header("Set-Cookie", cookieName + "=" + token + "; Path=/; HttpOnly; SameSite=Lax");
        return s;
    }

    public void signOut(Context ctx) {
        Session s = find(ctx);
        if (s != null) {
            byToken.remove(s.token());
        }
        ctx.header("Set-Cookie", cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    /** The session put on the request by the sign-in filter. */
    public static Session of(Context ctx) {
        Session s = ctx.attribute(ATTRIBUTE);
        if (s == null) {
            throw new IllegalStateException("not signed in");
        }
        return s;
    }
}
