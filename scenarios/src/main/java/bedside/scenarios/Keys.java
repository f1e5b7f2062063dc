package bedside.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Key names a {@code press} step may use, and the Selenium {@code org.openqa.selenium.Keys} constant each
 * one means. Names are forgiving about case, dashes and underscores: {@code Enter}, {@code ArrowDown},
 * {@code arrow-down}, {@code PAGE_UP}, {@code Esc}, {@code Backspace}; a single character presses itself.
 */
public final class Keys {
    private Keys() {}

    private static final List<String> SELENIUM = List.of("NULL", "CANCEL", "HELP", "BACK_SPACE", "TAB", "CLEAR",
            "RETURN", "ENTER", "SHIFT", "LEFT_SHIFT", "CONTROL", "LEFT_CONTROL", "ALT", "LEFT_ALT", "PAUSE", "ESCAPE",
            "SPACE", "PAGE_UP", "PAGE_DOWN", "END", "HOME", "LEFT", "ARROW_LEFT", "UP", "ARROW_UP", "RIGHT",
            "ARROW_RIGHT", "DOWN", "ARROW_DOWN", "INSERT", "DELETE", "SEMICOLON", "EQUALS", "NUMPAD0", "NUMPAD1",
            "NUMPAD2", "NUMPAD3", "NUMPAD4", "NUMPAD5", "NUMPAD6", "NUMPAD7", "NUMPAD8", "NUMPAD9", "MULTIPLY", "ADD",
            "SEPARATOR", "SUBTRACT", "DECIMAL", "DIVIDE", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10",
            "F11", "F12", "META", "COMMAND");

    /** Friendly names shown in suggestions. */
    public static final List<String> NAMES = List.of("Enter", "Tab", "Escape", "Backspace", "Delete", "Space",
            "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End", "Shift", "Control",
            "Alt", "Meta", "Insert", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12");

    private static final Map<String, String> BY_NORMALIZED = new LinkedHashMap<>();

    static {
        for (String name : SELENIUM) BY_NORMALIZED.put(normalize(name), name);
        BY_NORMALIZED.put("ESC", "ESCAPE");
        BY_NORMALIZED.put("BACKSPACE", "BACK_SPACE");
        BY_NORMALIZED.put("CTRL", "CONTROL");
        BY_NORMALIZED.put("DEL", "DELETE");
        BY_NORMALIZED.put("CMD", "COMMAND");
        BY_NORMALIZED.put("SPACEBAR", "SPACE");
    }

    private static String normalize(String s) {
        return s.toUpperCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    /**
     * The Selenium {@code Keys} constant name for {@code key} (use {@code Keys.valueOf(...)}), or, for a single
     * character, that character itself; empty when it is no key.
     */
    public static Optional<String> seleniumName(String key) {
        if (key == null || key.isEmpty()) return Optional.empty();
        if (key.codePointCount(0, key.length()) == 1) return Optional.of(key);
        return Optional.ofNullable(BY_NORMALIZED.get(normalize(key)));
    }
}
