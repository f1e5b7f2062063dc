package bedside.reports.analysis;

import bedside.reports.pages.Pages;

/**
 * A modest self-contained HTML page of a {@link StudyAnalysis}: tables and two inline SVG interval charts
 * (completion rate and geometric-mean time per task and candidate). Pure: returns a string. The page is the
 * template {@code analysis/study.jte} of the page layer ({@link Pages}).
 */
public final class StudyHtml {
    private StudyHtml() {
    }

    /** Renders the page. */
    public static String render(StudyAnalysis a) {
        return render(a, null);
    }

    /**
     * Renders the page of a stored study's scores, saying under its heading what they follow (e.g. "Scored as the
     * locked plan sha256:… says").
     */
    public static String render(StudyAnalysis a, String basis) {
        return render(a, basis, java.util.List.of());
    }

    /** @param related pages written beside this one (the run report, the board's page, the vendors'), linked from its top */
    public static String render(StudyAnalysis a, String basis, java.util.List<Pages.Link> related) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("a", a);
        params.put("basis", basis);
        params.put("related", related);
        return Pages.render("analysis/study.jte", params);
    }
}
