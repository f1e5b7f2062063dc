package bedside.candidates;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A cookie-keeping HTTP client for one candidate that does not follow redirects by itself. */
final class WebClient {
    private final URI base;
    private final HttpClient http;

    WebClient(SampleCandidate candidate) {
        this.base = candidate.baseUrl();
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    URI base() {
        return base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return send(formRequest(path, form));
    }

    HttpResponse<String> postJson(String path, Map<String, String> form) {
        return send(formRequest(path, form).header("Accept", "application/json"));
    }

    /** Follows a redirect chain with GETs (as a browser does after a 302/303). */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> r = response;
        for (int i = 0; i < 10 && (r.statusCode() == 302 || r.statusCode() == 303); i++) {
            r = get(location(r));
        }
        return r;
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    static Document html(HttpResponse<String> r) {
        return Jsoup.parse(r.body(), r.uri().toString());
    }

    private HttpRequest.Builder formRequest(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
