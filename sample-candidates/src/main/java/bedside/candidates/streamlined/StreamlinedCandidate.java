package bedside.candidates.streamlined;

import static bedside.candidates.web.Html.esc;

import bedside.candidates.domain.Clinician;
import bedside.candidates.web.CandidateServer;
import bedside.candidates.web.Login;
import bedside.candidates.web.Logins;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * "Streamlined EHR (sample)": search as you type, one-page forms with sensible defaults, inline validation, clear
 * confirmation, few clicks.
 */
public final class StreamlinedCandidate extends CandidateServer {
    public StreamlinedCandidate() {
        super("streamlined_session");
    }

    @Override
    public String id() {
        return "streamlined";
    }

    @Override
    public String displayName() {
        return "Streamlined EHR (sample)";
    }

    @Override
    public String vendor() {
        return "Bedside sample vendor A";
    }

    @Override
    protected String loginPath() {
        return "/login";
    }

    @Override
    protected void pages(RoutesConfig routes) {
        routes.get("/login", ctx -> ctx.html(loginPage(ctx.queryParam("next"), null, "")));
        routes.post("/login", this::signIn);
        routes.post("/logout", ctx -> {
            logins.signOut(ctx);
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
        });
        new StreamlinedPages(this).register(routes);
    }

    @Override
    protected String notFoundPage(Context ctx, String message) {
        Login login = ctx.attribute(Logins.ATTRIBUTE);
        return StreamlinedLayout.page("Not found", login, "<h1>Not found</h1><p>" + esc(message)
                + "</p><p><a href=\"/\">Back to patient search</a></p>");
    }

    private void signIn(Context ctx) {
        String user = ctx.formParam("username");
        var account = Clinician.authenticate(user, ctx.formParam("password"));
        String next = ctx.formParam("next");
        if (account.isEmpty()) {
            ctx.status(401).html(loginPage(next, "The username or password is incorrect.", user == null ? "" : user));
            return;
        }
        logins.signIn(ctx, account.get());
        ctx.redirect(localTarget(next, "/"), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String loginPage(String next, String error, String username) {
        String alert = error == null ? "" : "<div class=\"alert\" role=\"alert\">" + esc(error) + "</div>";
        String hidden = next == null ? "" : "<input type=\"hidden\" name=\"next\" value=\"" + esc(next) + "\">";
        return StreamlinedLayout.page("Sign in", null, """
                <div class="signin">
                  <h1>Sign in to Streamlined EHR</h1>
                  %s
                  <form method="post" action="/login" class="stack">
                    %s
                    <div class="field">
                      <label for="username">Username</label>
                      <input id="username" name="username" autocomplete="username" value="%s" required autofocus>
                    </div>
                    <div class="field">
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                    </div>
                    <button type="submit" class="primary">Sign in</button>
                  </form>
                  <p class="hint">Demo accounts: dr.evans or nurse.patel, password bedside-demo.</p>
                </div>
                """.formatted(alert, hidden, esc(username)));
    }

    /** For the page classes of this candidate. */
    CandidateServer server() {
        return this;
    }

    com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return mapper;
    }

    void writeJson(Context ctx, Object value) {
        json(ctx, value);
    }
}
