package bedside.results.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** The API's JSON: strict on the way in (no coercion, no unknown fields), ISO-8601 instants both ways. */
public final class Json {
    public static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Event data keeps its numbers exactly as sent (1.50 stays 1.50, not a double).
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.DateTime, LogicalType.OtherScalar}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail);
        }
        return m;
    }

    /**
     * Reads the body as {@code type}; every way it can be wrong becomes a 400 problem naming the field.
     */
    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("missing-body", "Missing body", "the request needs a JSON body", null);
        }
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw ApiProblem.badRequest("missing-body", "Missing body", "the request needs a JSON body", null);
            }
            if (!tree.isObject()) {
                throw ApiProblem.badRequest("wrong-type", "Wrong type", "the body must be a JSON object, not "
                        + kind(tree), null);
            }
            return MAPPER.treeToValue(tree, type);
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

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
