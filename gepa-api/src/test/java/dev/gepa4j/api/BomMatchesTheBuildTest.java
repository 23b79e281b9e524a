package dev.gepa4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM has no parent (so importing it pins gepa4j's artifacts only), hence its own version: it must stay the
 * reactor's, and list every module a library user may depend on (every module but the application, its benchmarks
 * and the BOM itself).
 */
class BomMatchesTheBuildTest {
    private static final List<String> NOT_LIBRARIES = List.of("gepa4j-bom", "gepa-cli", "gepa-bench");

    @Test
    void theBomHasTheReactorsVersionAndListsEveryLibraryModule() throws Exception {
        String root = Files.readString(Path.of("../pom.xml"));
        String bom = Files.readString(Path.of("../gepa4j-bom/pom.xml"));
        Matcher parentVersion = Pattern.compile("<artifactId>gepa4j-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(root);
        Matcher bomVersion = Pattern.compile("<artifactId>gepa4j-bom</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(bom);
        assertThat(parentVersion.find()).isTrue();
        assertThat(bomVersion.find()).isTrue();
        assertThat(bomVersion.group(1)).isEqualTo(parentVersion.group(1));

        List<String> libraries = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(root);
        while (module.find()) {
            if (!NOT_LIBRARIES.contains(module.group(1))) {
                libraries.add(module.group(1));
            }
        }
        assertThat(libraries).contains("gepa-core", "gepa-api", "gepa-langchain4j");
        for (String artifact : libraries) {
            assertThat(bom).as("the BOM lists " + artifact).contains("<artifactId>" + artifact + "</artifactId>");
        }
    }
}
