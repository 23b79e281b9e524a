package dev.gepa4j.cli.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the TOML of the reference GEPA runtime ({@code [run] output_dir}, {@code [gepa] max_total_rollouts},
 * {@code [gepa.pipeline]}, {@code [gepa.rollout]}, {@code [proposer] backend} / {@code [gepa.proposer]}, {@code [cache]},
 * ...) as a gepa4j config. Keys with an equivalent are moved to it (values translated where the spellings differ);
 * keys gepa4j also has under the same name are kept; every other key is listed in {@link Result#unmapped()} with
 * the reason, never dropped silently. docs/container-contract.md lists the mapping.
 */
public final class ReferenceConfig {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Sections and {@code [gepa]} keys only the reference format has: one of them marks a file as one. */
    private static final Set<String> REFERENCE_SECTIONS = Set.of("cache", "candidate", "disk_budget");
    private static final Set<String> REFERENCE_GEPA_KEYS = Set.of("max_generations", "proposals_per_generation",
            "max_total_rollouts", "rollout_submission_mode", "rollout_poll_interval_ms",
            "rollout_async_timeout_seconds", "frontier_type", "acceptance_criterion", "pipeline", "rollout",
            "proposer", "candidate_selector", "batch_sampler", "seed_pools", "objective_acceptance",
            "max_time_seconds", "score_threshold_value", "no_improvement_generations", "max_cost_usd");
    /** reference "section.key" (dots for nested tables) to gepa4j "section.key", value unchanged. */
    private static final Map<String, String> MOVES = moves();

    /** A converted file: the gepa4j config tree, the keys left out (each with why) and notes on approximations. */
    public record Result(ObjectNode config, List<String> unmapped, List<String> notes) {
    }

    private ReferenceConfig() {
    }

    /** True when the tree uses keys only the reference runtime's format has. */
    public static boolean isReference(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return false;
        }
        for (String section : REFERENCE_SECTIONS) {
            if (tree.has(section)) {
                return true;
            }
        }
        JsonNode gepa = tree.get("gepa");
        if (gepa != null && gepa.isObject()) {
            for (String key : REFERENCE_GEPA_KEYS) {
                if (gepa.has(key)) {
                    return true;
                }
            }
        }
        return tree.path("run").has("output_dir") || tree.path("proposer").has("backend")
                || tree.path("container").has("command");
    }

    /** Converts a reference-format tree (a gepa4j tree comes back unchanged). */
    public static Result convert(JsonNode tree) {
        return new Conversion(tree).run();
    }

    /** One conversion's state. */
    private static final class Conversion {
        private final JsonNode source;
        private final ObjectNode out = NODES.objectNode();
        private final List<String> unmapped = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Set<String> consumed = new LinkedHashSet<>();
        private final Map<String, Set<String>> gepa4jKeys = gepa4jKeys();

        Conversion(JsonNode source) {
            this.source = source;
        }

        Result run() {
            MOVES.forEach((from, to) -> {
                JsonNode value = at(from);
                if (value != null) {
                    put(to, value);
                    consumed.add(from);
                }
            });
            generations();
            acceptance();
            selector();
            pipeline();
            proposer("proposer");
            proposer("gepa.proposer");
            frontier();
            leftovers(source, "");
            return new Result(out, List.copyOf(unmapped), List.copyOf(notes));
        }

        /** max_generations x proposals_per_generation proposals; patience in generations becomes proposals. */
        private void generations() {
            JsonNode gens = at("gepa.max_generations");
            JsonNode per = at("gepa.proposals_per_generation");
            JsonNode patience = at("gepa.no_improvement_generations");
            int perGeneration = per != null && per.canConvertToInt() ? per.intValue() : 2;
            if (gens != null && gens.canConvertToInt()) {
                put("gepa.max_proposals", NODES.numberNode(gens.intValue() * perGeneration));
                notes.add("[gepa] max_generations = " + gens + " x proposals_per_generation = " + perGeneration
                        + " became max_proposals = " + gens.intValue() * perGeneration
                        + " (gepa4j has no generation barrier)");
                consumed.add("gepa.max_generations");
                consumed.add("gepa.proposals_per_generation");
            } else if (per != null) {
                consumed.add("gepa.proposals_per_generation");
                notes.add("[gepa] proposals_per_generation has no use without max_generations in gepa4j");
            }
            if (patience != null && patience.canConvertToInt()) {
                put("gepa.no_improvement_proposals", NODES.numberNode(patience.intValue() * perGeneration));
                consumed.add("gepa.no_improvement_generations");
            }
        }

        private void acceptance() {
            JsonNode c = at("gepa.acceptance_criterion");
            if (c == null) {
                return;
            }
            String mapped = switch (c.asText()) {
                case "primary_improvement" -> "strict_improvement";
                case "improvement_or_equal" -> "improvement_or_equal";
                default -> null;
            };
            translate("gepa.acceptance_criterion", c, "gepa.acceptance", mapped,
                    "gepa4j gates on the primary score only: strict_improvement or improvement_or_equal");
        }

        private void selector() {
            JsonNode name = at("gepa.candidate_selector.name");
            if (name != null) {
                String mapped = switch (name.asText()) {
                    case "pareto_weighted", "current_best", "epsilon_greedy" -> name.asText();
                    default -> null;
                };
                translate("gepa.candidate_selector.name", name, "gepa.parent_selection", mapped,
                        "gepa4j selects parents by pareto_weighted, current_best or epsilon_greedy");
            }
            JsonNode epsilon = at("gepa.candidate_selector.epsilon");
            if (epsilon != null) {
                put("gepa.epsilon", epsilon);
                consumed.add("gepa.candidate_selector.epsilon");
            }
        }

        private void pipeline() {
            JsonNode mode = at("gepa.pipeline.mode");
            if (mode != null) {
                String mapped = switch (mode.asText()) {
                    case "sync_serial" -> "serial";
                    case "async_pipelined", "flash_evolve" -> "overlapped";
                    default -> null;
                };
                translate("gepa.pipeline.mode", mode, "run.mode", mapped,
                        "gepa4j runs serial or overlapped");
                if ("flash_evolve".equals(mode.asText())) {
                    notes.add("[gepa.pipeline] mode = \"flash_evolve\" became run mode \"overlapped\": lanes overlap "
                            + "proposals and rollouts without a generation barrier; there is no speculative completion");
                }
            }
            JsonNode staleness = at("gepa.pipeline.staleness_policy");
            if (staleness != null) {
                String mapped = switch (staleness.asText()) {
                    case "full" -> "accept";
                    case "guarded" -> "drop";
                    case "reflective" -> "rebase";
                    default -> null;
                };
                translate("gepa.pipeline.staleness_policy", staleness, "gepa.staleness", mapped,
                        "gepa4j's staleness policies are accept, drop, recheck and rebase");
                if (mapped != null) {
                    notes.add("[gepa.pipeline] staleness_policy = \"" + staleness.asText() + "\" became [gepa] "
                            + "staleness = \"" + mapped + "\" (the closest policy, not the same algorithm)");
                }
            }
            if (at("gepa.pipeline.workers.rollout") != null && at("gepa.pipeline.adaptive_rollout_concurrency.initial")
                    == null) {
                put("rollout.concurrency", at("gepa.pipeline.workers.rollout"));
                consumed.add("gepa.pipeline.workers.rollout");
            }
        }

        /** {@code backend} decides the kind: codex_app_server runs {@code codex exec} as a coding agent. */
        private void proposer(String section) {
            JsonNode backend = at(section + ".backend");
            if (backend == null) {
                return;
            }
            consumed.add(section + ".backend");
            if (!backend.asText().startsWith("codex")) {
                unmapped.add("[" + section + "] backend = " + backend + ": no gepa4j equivalent; use [proposer] kind = "
                        + "\"llm\" with an OpenAI-compatible base_url, or kind = \"agent\" with the agent's command");
                return;
            }
            put("proposer.kind", NODES.textNode("agent"));
            var command = NODES.arrayNode().add("codex").add("exec").add("--cd").add("{dir}").add("--sandbox");
            JsonNode sandbox = at(section + ".sandbox_mode");
            command.add(sandbox != null ? sandbox.asText() : "workspace-write");
            consumed.add(section + ".sandbox_mode");
            JsonNode model = at(section + ".model");
            if (model != null) {
                command.add("-m").add(model.asText());
            }
            JsonNode effort = at(section + ".reasoning_effort");
            if (effort != null) {
                command.add("-c").add("model_reasoning_effort=\"" + effort.asText() + "\"");
                consumed.add(section + ".reasoning_effort");
            }
            command.add("--skip-git-repo-check").add("--json").add("{prompt}");
            put("proposer.command", command);
            JsonNode keyEnv = at(section + ".api_key_env");
            if (keyEnv != null) {
                put("proposer.pass_env", NODES.arrayNode().add(keyEnv.asText()));
                consumed.add(section + ".api_key_env");
            }
            notes.add("[" + section + "] backend = " + backend + " became kind = \"agent\" running `codex exec` once "
                    + "per proposal (gepa4j drives coding agents as subprocesses, not over app-server JSON-RPC)");
        }

        private void frontier() {
            JsonNode type = at("gepa.frontier_type");
            if (type != null && type.asText().equals("per_example")) {
                consumed.add("gepa.frontier_type"); // gepa4j's frontier is per example: nothing to set
            }
        }

        private void translate(String from, JsonNode value, String to, String mapped, String why) {
            consumed.add(from);
            if (mapped == null) {
                unmapped.add(where(from) + " = " + value + ": " + why);
            } else {
                put(to, NODES.textNode(mapped));
            }
        }

        /** Keys no rule used: kept when gepa4j has them in the same section, else listed. */
        private void leftovers(JsonNode node, String path) {
            node.properties().forEach(e -> {
                String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (consumed.contains(key) || MOVES.containsKey(key)) {
                    return;
                }
                int dot = key.indexOf('.');
                String section = dot < 0 ? key : key.substring(0, dot);
                String rest = dot < 0 ? "" : key.substring(dot + 1);
                if (e.getValue().isObject() && e.getValue().isEmpty()
                        && !gepa4jKeys.getOrDefault(section, Set.of()).contains(rest)) {
                    unmapped.add(where(key) + " = {}: " + reason(key)); // an empty table is a key too
                    return;
                }
                if (dot < 0 && e.getValue().isObject()) {
                    if (section.equals("seed_candidate")) {
                        out.set("seed_candidate", e.getValue().deepCopy());
                    } else {
                        leftovers(e.getValue(), key);
                    }
                    return;
                }
                if (e.getValue().isObject() && !gepa4jKeys.getOrDefault(section, Set.of()).contains(rest)) {
                    leftovers(e.getValue(), key);
                    return;
                }
                if (!rest.contains(".") && gepa4jKeys.getOrDefault(section, Set.of()).contains(rest)
                        && !out.path(section).has(rest)) {
                    put(key, e.getValue());
                    return;
                }
                if (!out.path(section).has(rest)) {
                    unmapped.add(where(key) + " = " + e.getValue() + ": " + reason(key));
                } else if (!out.path(section).get(rest).equals(e.getValue())) {
                    unmapped.add(where(key) + " = " + e.getValue() + ": replaced by the converted value "
                            + out.path(section).get(rest));
                }
            });
        }

        private JsonNode at(String path) {
            JsonNode node = source;
            for (String part : path.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            return node == null || node.isMissingNode() || node.isNull() ? null : node;
        }

        private void put(String path, JsonNode value) {
            int dot = path.indexOf('.');
            ObjectNode section = out.has(path.substring(0, dot)) ? (ObjectNode) out.get(path.substring(0, dot))
                    : out.putObject(path.substring(0, dot));
            section.set(path.substring(dot + 1), value.deepCopy());
        }
    }

    /**
     * What to tell a user whose file was converted: that it was, the keys not carried over (with why) and the
     * approximations; several lines.
     */
    public static String describe(String origin, Result result) {
        StringBuilder text = new StringBuilder(origin + " is written for the reference GEPA runtime: read as a gepa4j "
                + "config (./gepa import-config " + origin + " prints the converted file)");
        if (!result.unmapped().isEmpty()) {
            text.append("\nnot carried over (no gepa4j equivalent), ").append(result.unmapped().size())
                    .append(result.unmapped().size() == 1 ? " key:" : " keys:");
            result.unmapped().forEach(u -> text.append("\n  - ").append(u));
        }
        result.notes().forEach(n -> text.append("\nnote: ").append(n));
        return text.toString();
    }

    /** {@code [gepa.pipeline] mode} for {@code gepa.pipeline.mode}. */
    private static String where(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : "[" + key.substring(0, dot) + "] " + key.substring(dot + 1);
    }

    private static String reason(String key) {
        return switch (key) {
            case "container.command", "container.cwd", "container.startup_timeout_seconds" ->
                    "gepa4j does not start containers from a command: start it yourself and set [container] url";
            case "gepa.max_cost_usd" -> "no total cost cap; gepa4j caps proposer cost with [gepa] "
                    + "max_proposer_cost_usd and rollouts with max_rollouts";
            case "policy.api_key_env" -> "gepa4j sends the container no policy key; the container reads its own";
            case "cache.path", "cache.namespace" -> "the rollout cache lives in the run's workspace";
            case "candidate.target_modules" -> "gepa4j rewrites the fields /program marks mutable, one per "
                    + "proposal by default ([gepa] component_selection)";
            default -> "no gepa4j equivalent";
        };
    }

    private static Map<String, String> moves() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("run.output_dir", "run.workspace");
        m.put("dataset.train_split", "container.train_split");
        m.put("dataset.heldout_split", "container.heldout_split");
        m.put("gepa.max_total_rollouts", "gepa.max_rollouts");
        m.put("gepa.max_time_seconds", "gepa.max_seconds");
        m.put("gepa.score_threshold_value", "gepa.score_threshold");
        m.put("gepa.max_heldout_rollouts", "gepa.heldout_rollouts");
        m.put("gepa.rollout_submission_mode", "container.submission");
        m.put("gepa.rollout_poll_interval_ms", "container.poll_interval_ms");
        m.put("gepa.rollout_async_timeout_seconds", "container.async_timeout_seconds");
        m.put("gepa.pipeline.max_in_flight_candidates", "gepa.in_flight");
        m.put("gepa.pipeline.adaptive_rollout_concurrency.enabled", "rollout.adaptive");
        m.put("gepa.pipeline.adaptive_rollout_concurrency.initial", "rollout.concurrency");
        m.put("gepa.pipeline.adaptive_rollout_concurrency.min", "rollout.min_concurrency");
        m.put("gepa.pipeline.adaptive_rollout_concurrency.max", "rollout.max_concurrency");
        m.put("gepa.rollout.budget", "gepa.max_rollouts");
        m.put("gepa.rollout.max_concurrent", "rollout.concurrency");
        m.put("gepa.rollout.minibatch_size", "gepa.minibatch_size");
        m.put("gepa.rollout.timeout", "container.timeout_seconds");
        m.put("gepa.proposer.model", "proposer.model");
        m.put("gepa.proposer.timeout_seconds", "proposer.timeout_seconds");
        m.put("cache.mode", "rollout.cache");
        return m;
    }

    /** The keys gepa4j's own config accepts, by section, read from the config records as the loader reads them. */
    private static Map<String, Set<String>> gepa4jKeys() {
        ObjectMapper mapper = ConfigLoader.mapper();
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (BeanPropertyDefinition section : properties(mapper, mapper.constructType(GepaConfig.class))) {
            Set<String> names = new LinkedHashSet<>();
            if (!section.getPrimaryType().isMapLikeType()) {
                properties(mapper, section.getPrimaryType()).forEach(p -> names.add(p.getName()));
            }
            keys.put(section.getName(), names);
        }
        return keys;
    }

    private static List<BeanPropertyDefinition> properties(ObjectMapper mapper, JavaType type) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        return description.findProperties().stream().filter(BeanPropertyDefinition::hasConstructorParameter).toList();
    }
}
