package dev.gepa4j.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The whole {@code gepa.toml}. Every section is optional; missing ones take the defaults documented on each record.
 *
 * @param seedCandidate optional {@code [seed_candidate]} field = text overrides of the container's seed
 */
public record GepaConfig(RunSection run, ContainerSection container, DatasetSection dataset,
                         @JsonProperty("seed_candidate") Map<String, String> seedCandidate, PolicySection policy,
                         ProposerSection proposer, LoopSection gepa, RolloutSection rollout) {
    public GepaConfig {
        run = run == null ? new RunSection(null, null, null, null) : run;
        container = container == null ? new ContainerSection(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null) : container;
        dataset = dataset == null ? DatasetSection.defaults() : dataset;
        seedCandidate = seedCandidate == null ? Map.of() : Map.copyOf(seedCandidate);
        policy = policy == null ? new PolicySection(null, null, null, null, null) : policy;
        proposer = proposer == null ? ProposerSection.defaults() : proposer;
        gepa = gepa == null ? LoopSection.defaults() : gepa;
        rollout = rollout == null ? new RolloutSection(null, null, null, null, null, null, null, null) : rollout;
    }

    public static GepaConfig defaults() {
        return new GepaConfig(null, null, null, null, null, null, null, null);
    }
}
