package bedside.results.server;

import bedside.results.AttemptQuery;
import bedside.results.Page;
import bedside.results.StudyRecord;
import bedside.results.client.Json;
import bedside.results.store.PlanRefusedException;
import bedside.results.store.RecordConflictException;
import bedside.results.store.StudyLockedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;

/** What every route needs of a request and a reply: the body, paging, checked fields, JSON shapes, store calls whose refusals become problems. */
final class Requests {
    static final int DEFAULT_LIMIT = 100;

    private Requests() {
    }

    static ObjectNode studyJson(StudyRecord s) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("code", s.code());
        n.put("title", s.title());
        n.put("locked", s.locked());
        n.put("lockedAt", s.lockedAt() == null ? null : s.lockedAt().toString());
        n.put("createdAt", s.createdAt() == null ? null : s.createdAt().toString());
        return n;
    }

    static ObjectNode page(Context ctx, ArrayNode items, Page<?> page) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.set("items", items);
        n.put("total", page.total());
        n.put("limit", page.limit());
        n.put("offset", page.offset());
        if (page.hasMore()) {
            StringBuilder next = new StringBuilder(ctx.path()).append("?");
            ctx.queryParamMap().forEach((k, vs) -> {
                if (!k.equals("offset") && !k.equals("limit")) {
                    vs.forEach(v -> next.append(enc(k)).append('=').append(enc(v)).append('&'));
                }
            });
            next.append("limit=").append(page.limit()).append("&offset=").append(page.offset() + page.items().size());
            n.put("next", next.toString());
        } else {
            n.putNull("next");
        }
        return n;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    // ------------------------------------------------------------------ validation helpers

    /** The JSON body as {@code type}: 415 unless it is sent as JSON, 400 when it is not valid or not that shape. */
    static <T> T body(Context ctx, Class<T> type) {
        requireJson(ctx);
        return JsonBodies.read(ctx.bodyAsBytes(), type);
    }

    /** 415 unless the body is sent as JSON. */
    static void requireJson(Context ctx) {
        String contentType = ctx.contentType();
        String mime = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json" + (contentType == null ? "" : ", not " + contentType),
                    null, null);
        }
    }

    static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(v);
            if (limit >= 1 && limit <= AttemptQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest("invalid-parameter", "Invalid query parameter",
                "limit must be an integer 1.." + AttemptQuery.MAX_LIMIT + ", got \"" + v + "\"", "limit");
    }

    static long offset(Context ctx) {
        String v = ctx.queryParam("offset");
        if (v == null) {
            return 0;
        }
        try {
            long offset = Long.parseLong(v);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest("invalid-parameter", "Invalid query parameter",
                "offset must be an integer 0 or more, got \"" + v + "\"", "offset");
    }

    static UUID uuid(String raw, String field) {
        try {
            if (raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw ApiProblem.badRequest("invalid-parameter", "Invalid identifier", field + " must be a UUID, got \""
                + (raw.length() > 60 ? raw.substring(0, 60) + "…" : raw) + "\"", field);
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw ApiProblem.missing(field);
        }
        return value;
    }

    static String text(String value, String field) {
        if (require(value, field).isBlank()) {
            throw ApiProblem.invalid(field + " must not be blank", field);
        }
        return value;
    }

    static String code(String value, String field) {
        text(value, field);
        if (value.length() > 100 || !value.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
            throw ApiProblem.invalid(field + " must be 1-100 letters, digits, '.', '_', ':' or '-' (starting with a "
                    + "letter or digit), got \"" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "\"",
                    field);
        }
        return value;
    }

    static String hash(String value, String field) {
        text(value, field);
        if (!value.matches("(sha256:)?[0-9a-f]{64}")) {
            throw ApiProblem.invalid(field + " must be a SHA-256 in lower-case hex (optionally prefixed sha256:)", field);
        }
        return value;
    }

    static void nonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw ApiProblem.invalid(field + " must be 0 or more", field);
        }
    }

    static long nonNegative(Number value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw ApiProblem.missing(field);
            }
            return 0;
        }
        if (value.longValue() < 0) {
            throw ApiProblem.invalid(field + " must be 0 or more, got " + value, field);
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.longValue();
        }
        throw ApiProblem.invalid(field + " must be an integer", field);
    }

    /** Runs a store call; its refusals become problems (naming {@code field} when given). */
    static <T> T guard(Supplier<T> call) {
        return guard(call, null);
    }

    static <T> T guard(Supplier<T> call, String field) {
        String where = field == null ? "" : field + ": ";
        try {
            return call.get();
        } catch (StudyLockedException e) {
            throw new ApiProblem(409, "study-locked", "Study locked", where + e.getMessage(), field, null);
        } catch (PlanRefusedException e) {
            // The plan's refusals are about the record as a whole, not a field: their message as it is.
            throw new ApiProblem(409, e.kind(), e.title(), e.getMessage(), null, null);
        } catch (RecordConflictException e) {
            throw new ApiProblem(409, "record-conflict", "Record conflict", where + e.getMessage(), field, null);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            if (e instanceof ApiProblem) {
                throw e;
            }
            throw new ApiProblem(422, "invalid-record", "Invalid record", where + e.getMessage(), field, null);
        }
    }
}
