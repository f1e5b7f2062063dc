package bedside.results.server;

import bedside.results.client.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for the tests. */
final class Http {
    record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Http(String base) {
        this.base = base;
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Response post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    Response send(String method, String path, String token, String contentType, String body) {
        return send(method, path, token, contentType, body, false);
    }

    /** With {@code chunked}, the body is streamed without a Content-Length. */
    Response send(String method, String path, String token, String contentType, String body, boolean chunked) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (chunked) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            b.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
