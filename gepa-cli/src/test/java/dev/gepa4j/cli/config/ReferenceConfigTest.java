package dev.gepa4j.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reference runtime's TOML read directly, key by key, and what it cannot carry over listed. */
class ReferenceConfigTest {

    private static String referenceFile() throws IOException {
        try (InputStream in = ReferenceConfigTest.class.getResourceAsStream("/reference/gepa.toml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMainKeysOfAReferenceFileAreReadAsTheirGepa4jEquivalents() throws IOException {
        GepaConfig c = ConfigLoader.parse(referenceFile(), "gepa.toml");

        assertThat(c.run().runId()).isEqualTo("banking77-long");
        assertThat(c.run().workspace()).isEqualTo("runs");
        assertThat(c.run().seed()).isEqualTo(7L);
        assertThat(c.run().mode()).isEqualTo("overlapped");
        assertThat(c.container().url()).isEqualTo("http://127.0.0.1:8102");
        assertThat(c.container().heldoutSplit()).isEqualTo("validation");
        assertThat(c.container().submission()).isEqualTo("async");
        assertThat(c.container().pollIntervalMs()).isEqualTo(500);
        assertThat(c.container().asyncTimeoutSeconds()).isEqualTo(900);
        assertThat(c.dataset().trainSeeds()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(c.seedCandidate()).containsEntry("stage2_system", "Classify the banking intent.");
        assertThat(c.policy().model()).isEqualTo("gpt-4.1-nano");
        assertThat(c.gepa().maxRollouts()).isEqualTo(1800);
        assertThat(c.gepa().heldoutRollouts()).isEqualTo(400);
        assertThat(c.gepa().minibatchSize()).isEqualTo(40);
        assertThat(c.gepa().maxProposals()).isEqualTo(18);
        assertThat(c.gepa().inFlight()).isEqualTo(6);
        assertThat(c.gepa().staleness()).isEqualTo("accept");
        assertThat(c.gepa().acceptance()).isEqualTo("strict_improvement");
        assertThat(c.gepa().parentSelection()).isEqualTo("pareto_weighted");
        assertThat(c.rollout().concurrency()).isEqualTo(20);
        assertThat(c.rollout().maxConcurrency()).isEqualTo(120);
        assertThat(c.rollout().adaptive()).isTrue();
        assertThat(c.rollout().cache()).isEqualTo("readwrite");
        assertThat(c.proposer().kind()).isEqualTo("agent");
        assertThat(c.proposer().command()).containsExactly("codex", "exec", "--cd", "{dir}", "--sandbox",
                "workspace-write", "-m", "gpt-5.1-codex-mini", "-c", "model_reasoning_effort=\"medium\"",
                "--skip-git-repo-check", "--json", "{prompt}");
        assertThat(c.proposer().passEnv()).containsExactly("OPENAI_API_KEY");
        assertThat(c.proposer().timeoutSeconds()).isEqualTo(300);
    }

    @Test
    void everyKeyWithoutAnEquivalentIsListedWithWhy() throws IOException {
        ReferenceConfig.Result r = ReferenceConfig.convert(ConfigLoader.mapper().readTree(referenceFile()));

        assertThat(r.unmapped()).containsExactlyInAnyOrder(
                "[container] startup_timeout_seconds = 30: gepa4j does not start containers from a command: start it "
                        + "yourself and set [container] url",
                "[dataset] filters = {}: no gepa4j equivalent",
                "[candidate] target_modules = [\"stage2_system\"]: gepa4j rewrites the fields /program marks mutable, "
                        + "one per proposal by default ([gepa] component_selection)",
                "[policy] api_family = \"chat_completions\": no gepa4j equivalent",
                "[policy] disable_reasoning = \"auto\": no gepa4j equivalent",
                "[proposer] approval_policy = \"never\": no gepa4j equivalent",
                "[gepa] max_cost_usd = 5: no total cost cap; gepa4j caps proposer cost with [gepa] "
                        + "max_proposer_cost_usd and rollouts with max_rollouts",
                "[gepa.pipeline.adaptive_rollout_concurrency] increase_step = 10: no gepa4j equivalent",
                "[cache] path = \"cache.sqlite\": the rollout cache lives in the run's workspace");
        assertThat(r.notes()).anyMatch(n -> n.contains("max_proposals = 18"))
                .anyMatch(n -> n.contains("kind = \"agent\""));
        String said = ReferenceConfig.describe("gepa.toml", r);
        assertThat(said).contains("not carried over (no gepa4j equivalent), 9 keys:", "  - [gepa] max_cost_usd");
    }

    @Test
    void aGepa4jFileIsNotTakenForAReferenceOneAndTheLegacyNestedRolloutTableIsRead() throws IOException {
        var mapper = ConfigLoader.mapper();
        assertThat(ReferenceConfig.isReference(mapper.readTree("[gepa]\nmax_rollouts = 10\n[run]\nseed = 2\n")))
                .isFalse();

        GepaConfig legacy = ConfigLoader.parse("""
                [gepa.rollout]
                budget = 300
                max_concurrent = 12
                minibatch_size = 6
                timeout = 90
                [gepa.proposer]
                model = "gpt-4.1-mini"
                """, "legacy.toml");

        assertThat(legacy.gepa().maxRollouts()).isEqualTo(300);
        assertThat(legacy.rollout().concurrency()).isEqualTo(12);
        assertThat(legacy.gepa().minibatchSize()).isEqualTo(6);
        assertThat(legacy.container().timeoutSeconds()).isEqualTo(90);
        assertThat(legacy.proposer().model()).isEqualTo("gpt-4.1-mini");
    }
}
