package bedside.harness.session;

import java.util.List;

/** What the participant's details are asked with: the choices offered, as NISTIR 7742's participant table groups them. */
public final class Demographics {
    private Demographics() {}

    public static final List<String> AGE_BANDS = List.of("18-29", "30-39", "40-49", "50-59", "60-69", "70+");
}
