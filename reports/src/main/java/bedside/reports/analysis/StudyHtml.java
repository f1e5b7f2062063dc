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
        return Pages.render("analysis/study.jte", a);
    }
}
