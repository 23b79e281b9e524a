package dev.gepa4j.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The resolved run spec a run stores in the workspace, as JSON, so {@code gepa resume} rebuilds the run from it
 * alone: the {@link GepaConfig} with every default filled in and every choice made (run id, absolute workspace,
 * the train and heldout seeds, the policy's provider and model, the lanes), plus the folder relative paths in it
 * (meta-prompt files, agent commands) resolve against. The sections keep the names of {@code gepa.toml}, so
 * {@code "policy"} and {@code "proposer"} read like the config file's tables. It holds names of environment
 * variables, never their values.
 *
 * <pre>{@code {"spec_version": 1, "base_dir": "/abs", "run": {...}, "container": {...}, "dataset": {...},
 *  "seed_candidate": {...}, "policy": {...}, "proposer": {...}, "gepa": {...}, "rollout": {...}}}</pre>
 */
public final class RunSpecJson {
    /** The format written today; a reader refuses a newer one. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RunSpecJson() {
    }

    /** A run spec read back: the resolved configuration and the folder its relative paths resolve against. */
    public record Stored(GepaConfig config, Path baseDir) {
    }

    /**
     * The choices made when a run starts that its configuration leaves open.
     *
     * @param runId          the run's id
     * @param workspace      the workspace: its absolute folder, or its postgresql:// URL (never with a password)
     * @param trainSeeds     the train seeds used (explicit, or the first N of the split)
     * @param heldoutSeeds   the heldout seeds used
     * @param paretoSeeds    the frontier's own seeds used (empty when the frontier is scored on train)
     * @param testSeeds      the test seeds used (empty without a test split)
     * @param policyProvider the policy's provider
     * @param policyModel    the policy's model
     * @param lanes          overlapped mode's proposals in flight
     */
    public record Choices(String runId, String workspace, List<Long> trainSeeds, List<Long> heldoutSeeds,
                          List<Long> paretoSeeds, List<Long> testSeeds, String policyProvider, String policyModel,
                          int lanes) {
    }

    /**
     * The spec of a run about to start: {@code config} (its records already hold their defaults) with the
     * {@code choices} written in, so reading it back needs nothing but the spec.
     */
    public static String write(GepaConfig config, Choices choices, Path baseDir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("spec_version", VERSION);
        root.put("base_dir", baseDir.toAbsolutePath().normalize().toString());
        root.setAll((ObjectNode) JSON.valueToTree(config));
        ObjectNode run = root.withObjectProperty("run");
        run.put("run_id", choices.runId());
        run.put("workspace", choices.workspace());
        ObjectNode dataset = root.withObjectProperty("dataset");
        dataset.remove(List.of("train_size", "heldout_size", "pareto_size", "test_size"));
        dataset.set("train_seeds", JSON.valueToTree(choices.trainSeeds()));
        dataset.set("heldout_seeds", JSON.valueToTree(choices.heldoutSeeds()));
        if (!choices.paretoSeeds().isEmpty()) {
            dataset.set("pareto_seeds", JSON.valueToTree(choices.paretoSeeds()));
        }
        if (!choices.testSeeds().isEmpty()) {
            dataset.set("test_seeds", JSON.valueToTree(choices.testSeeds()));
        }
        ObjectNode policy = root.withObjectProperty("policy");
        policy.put("provider", choices.policyProvider());
        policy.put("model", choices.policyModel());
        root.withObjectProperty("gepa").put("in_flight", choices.lanes());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run spec as JSON", e);
        }
    }

    /**
     * Reads a spec {@link #write} made; {@code origin} names it in errors.
     *
     * @throws ConfigException when the text is not such a spec (the message says what to do)
     */
    public static Stored read(String json, String origin) {
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new ConfigException(origin + " is not a run spec (a JSON object): " + e.getMessage(), e);
        }
        int version = root.path("spec_version").asInt(0);
        if (version < 1 || version > VERSION) {
            throw new ConfigException(origin + " has run spec version " + root.path("spec_version")
                    + "; this gepa4j reads version " + VERSION + ": resume it with the gepa4j that started it");
        }
        Path baseDir = Path.of(root.path("base_dir").asText("."));
        root.remove("spec_version");
        root.remove("base_dir");
        try {
            return new Stored(JSON.treeToValue(root, GepaConfig.class), baseDir);
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + " cannot be read back as a configuration: " + e.getOriginalMessage(),
                    e);
        }
    }
}
