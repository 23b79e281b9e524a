package dev.gepa4j.runtime.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTML/JS/CSS the report and the console share, read from the classpath: the views ({@code view/} beside this
 * package) and uPlot from its webjar ({@code org.webjars.npm:uplot}). Nothing is fetched from the network.
 */
public final class ViewAssets {
    /** Where the uPlot webjar keeps its files; the console serves the same path under {@code /webjars/}. */
    public static final String UPLOT_DIST = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String VIEW = "dev/gepa4j/runtime/evidence/view/";

    private ViewAssets() {
    }

    /** The shared rendering script (defines {@code GepaView}). */
    public static String viewJs() {
        return read(VIEW + "gepa-view.js");
    }

    public static String viewCss() {
        return read(VIEW + "gepa-view.css");
    }

    /** The static report page with its placeholders. */
    static String reportTemplate() {
        return read(VIEW + "report.html");
    }

    public static String uplotJs() {
        return read(UPLOT_DIST + "uPlot.iife.min.js");
    }

    public static String uplotCss() {
        return read(UPLOT_DIST + "uPlot.min.css");
    }

    private static String read(String resource) {
        try (InputStream in = ViewAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not on the classpath"
                        + (resource.startsWith("META-INF") ? ": add org.webjars.npm:uplot:1.6.30 to the module's"
                        + " dependencies" : ""));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + resource, e);
        }
    }
}
