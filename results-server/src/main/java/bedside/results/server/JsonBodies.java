package bedside.results.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import bedside.results.client.Json;

/** Request bodies read with {@link Json#MAPPER}: every way a body can be wrong becomes a 400 problem naming the field. */
final class JsonBodies {
    private JsonBodies() {
    }

    /**
     * Reads the body as {@code type}; every way it can be wrong becomes a 400 problem naming the field.
     */
    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("missing-body", "Missing body", "the request needs a JSON body", null);
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw ApiProblem.badRequest("missing-body", "Missing body", "the request needs a JSON body", null);
            }
            if (!tree.isObject()) {
                throw ApiProblem.badRequest("wrong-type", "Wrong type", "the body must be a JSON object, not "
                        + kind(tree), null);
            }
            return Json.MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw ApiProblem.badRequest("unknown-field", "Unknown field", field + " is not a field of this request"
                    + " (known: " + e.getKnownPropertyIds() + ")", field);
        } catch (InvalidFormatException e) {
            String field = path(e);
            throw ApiProblem.badRequest("wrong-type", "Wrong type", field + " must be " + expected(e.getTargetType())
                    + ", got " + quote(e.getValue()), field);
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw ApiProblem.badRequest("wrong-type", "Wrong type", (field.isEmpty() ? "the body" : field) + " must be "
                    + expected(e.getTargetType()), field.isEmpty() ? null : field);
        } catch (StreamReadException e) {
            var loc = e.getLocation();
            throw ApiProblem.badRequest("malformed-json", "Malformed JSON", "the body is not valid JSON: "
                    + e.getOriginalMessage() + (loc == null ? "" : " (line " + loc.getLineNr() + ", column "
                    + loc.getColumnNr() + ")"), null);
        } catch (JsonMappingException e) {
            String field = path(e);
            throw ApiProblem.badRequest("wrong-type", "Wrong type", (field.isEmpty() ? "the body" : field)
                    + " could not be read: " + e.getOriginalMessage(), field.isEmpty() ? null : field);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed-json", "Malformed JSON", "the body is not valid JSON: "
                    + e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw ApiProblem.badRequest("malformed-json", "Malformed JSON", "the body could not be read: "
                    + e.getMessage(), null);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-25T09:00:00Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "an object";
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> n.getNodeType().name().toLowerCase();
        };
    }

    private static String quote(Object v) {
        return v instanceof String s ? "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"" : String.valueOf(v);
    }
}
