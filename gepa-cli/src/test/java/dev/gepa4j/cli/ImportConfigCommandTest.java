package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.cli.config.ConfigLoader;
import dev.gepa4j.cli.config.GepaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gepa import-config}: a reference-runtime file in, a gepa4j gepa.toml out, the leftovers listed on top. */
class ImportConfigCommandTest {
    @TempDir
    Path dir;

    @Test
    void aReferenceFileBecomesAGepa4jFileThatListsWhatItCouldNotCarryOver() throws Exception {
        Path reference = dir.resolve("reference.toml");
        Files.copy(Path.of(ImportConfigCommandTest.class.getResource("/reference/gepa.toml").toURI()), reference);
        Path converted = dir.resolve("gepa.toml");

        CliRun.Output printed = CliRun.run("import-config", reference.toString());
        CliRun.Output written = CliRun.run("import-config", reference.toString(), "--out", converted.toString());

        assertThat(printed.code()).as(printed.allErr()).isZero();
        assertThat(printed.out()).contains("# not carried over (no gepa4j equivalent):",
                "#   [gepa] max_cost_usd = 5: no total cost cap", "#   [cache] path = \"cache.sqlite\"",
                "[gepa]\n", "max_rollouts = 1800", "in_flight = 6", "[container]\n", "submission = 'async'");
        assertThat(written.code()).isZero();
        assertThat(written.out()).startsWith("wrote " + converted).contains("not carried over (9)");
        String file = Files.readString(converted);
        assertThat(file).isEqualTo(printed.out());
        GepaConfig config = ConfigLoader.parse(file, "gepa.toml");
        assertThat(config.gepa().maxRollouts()).isEqualTo(1800);
        assertThat(config.proposer().kind()).isEqualTo("agent");
        assertThat(config.container().pollIntervalMs()).isEqualTo(500);
    }

    @Test
    void aMissingFileIsABadUsageNamingIt() {
        CliRun.Output out = CliRun.run("import-config", dir.resolve("nope.toml").toString());

        assertThat(out.code()).isEqualTo(2);
        assertThat(out.allErr()).contains("nope.toml does not exist");
    }
}
