package dev.gepa4j.runtime.evidence;

/**
 * Renders report.html: one self-contained file (uPlot, styles and the view script inlined, the data as JSON in a
 * {@code <script type="application/json">} block) that opens from disk with no network. Model text reaches the
 * page only inside that JSON block and is put into the document with {@code textContent}.
 */
final class ReportHtml {
    private ReportHtml() {
    }

    static String render(ReportData data) {
        String title = "gepa4j run " + data.summary().runId();
        return ViewAssets.reportTemplate()
                .replace("{{TITLE}}", escapeHtml(title))
                .replace("/*{{UPLOT_CSS}}*/", ViewAssets.uplotCss())
                .replace("/*{{VIEW_CSS}}*/", ViewAssets.viewCss())
                .replace("/*{{UPLOT_JS}}*/", inlineScript(ViewAssets.uplotJs()))
                .replace("/*{{VIEW_JS}}*/", inlineScript(ViewAssets.viewJs()))
                .replace("{{DATA}}", EvidenceJson.forHtmlScript(data));
    }

    /** A script body may not contain a closing script tag. */
    private static String inlineScript(String js) {
        return js.replace("</script", "<\\/script");
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
