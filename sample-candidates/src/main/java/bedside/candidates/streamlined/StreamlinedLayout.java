package bedside.candidates.streamlined;

import static bedside.candidates.web.Html.esc;

import bedside.candidates.web.Login;

/** The page frame of the streamlined candidate. */
final class StreamlinedLayout {
    private StreamlinedLayout() {}

    static String page(String title, Login login, String main) {
        String user = login == null ? "" : """
                <div class="user">
                  <span>Signed in as %s</span>
                  <form method="post" action="/logout"><button type="submit" class="link">Sign out</button></form>
                </div>
                """.formatted(esc(login.user().displayName()));
        String nav = login == null ? "" : """
                <nav aria-label="Main"><a href="/">Patients</a></nav>
                """;
        return """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s — Streamlined EHR</title>
                  <link rel="stylesheet" href="/static/streamlined.css">
                  <script src="/static/streamlined.js" defer></script>
                </head>
                <body>
                  <header class="top">
                    <a class="brand" href="/">Streamlined EHR</a>
                    %s
                    %s
                  </header>
                  <main id="main">
                %s
                  </main>
                </body>
                </html>
                """.formatted(esc(title), nav, user, main);
    }
}
