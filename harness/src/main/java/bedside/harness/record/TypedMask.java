package bedside.harness.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second mask of a replay, in the JVM as each event arrives: the text an attempt's steps type (the suite's values:
 * a new patient's name, an NHS number, an address) masked wherever the page showed it again — in a confirmation
 * ("Patient registered: …"), a page's address ({@code ?status=…+Whitfield}), an attribute. The page's own masking
 * (every input, the binding's patient data) cannot know that the next screen repeats what was typed. Each occurrence
 * becomes as many {@code *} as it has characters, in string values only (never in numbers or keys).
 */
public final class TypedMask {
    /** Shorter text is left alone: it would mask parts of unrelated words. */
    static final int SHORTEST = 3;
    public static final TypedMask NONE = new TypedMask(List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Longest first, each also URL-encoded (a page's address carries it so). */
    private final List<String> texts;

    public TypedMask(java.util.Collection<String> typed) {
        Set<String> all = new LinkedHashSet<>();
        for (String t : typed) {
            if (t != null && t.strip().length() >= SHORTEST) {
                all.add(t);
                all.add(URLEncoder.encode(t, StandardCharsets.UTF_8));
                all.add(URLEncoder.encode(t, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        this.texts = all.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** One rrweb event's JSON with every typed text in its string values masked (the same JSON when there is none). */
    public String apply(String eventJson) {
        if (texts.stream().noneMatch(eventJson::contains)) {
            return eventJson; // most events: nothing to do, nothing parsed
        }
        try {
            return mask(JSON.readTree(eventJson)).toString();
        } catch (Exception unreadable) {
            return "{}"; // never keep what could not be masked
        }
    }

    private JsonNode mask(JsonNode n) {
        if (n.isTextual()) {
            String s = n.asText();
            for (String t : texts) {
                if (s.contains(t)) {
                    s = s.replace(t, "*".repeat(t.length()));
                }
            }
            return TextNode.valueOf(s);
        }
        if (n instanceof ObjectNode o) {
            for (var it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                f.setValue(mask(f.getValue()));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, mask(a.get(i)));
            }
        }
        return n;
    }
}
