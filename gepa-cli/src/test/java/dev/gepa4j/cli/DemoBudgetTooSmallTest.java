package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A demo budget too small for the seed and the heldout pick is refused in the demo's own terms, before any run. */
class DemoBudgetTooSmallTest {

    @Test
    void theRefusalNamesTheDemoOptionAndTheBudgetNeeded(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        CliRun.Output o = CliRun.run("demo", "--no-console", "--quiet", "--budget", "200", "--out", out.toString());

        assertThat(o.code()).as(o.allErr()).isNotZero();
        assertThat(o.allErr()).contains("--budget 200: rollout budget 200 cannot cover")
                .contains("raise it to at least").contains("the demo's splits are fixed: raise --budget")
                .doesNotContain("[gepa] max_rollouts").doesNotContain("heldout_top_k");
        // refused before a run was registered: no workspace holds a half-started run
        assertThat(Files.exists(out.resolve("workspace.sqlite"))).isFalse();
    }
}
