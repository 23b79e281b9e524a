package dev.gepa4j.testkit.synthetic;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.CandidateIds;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.sdk.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A deterministic task with two mutable fields, {@code instructions} and {@code format}. Each example requires
 * {@link SyntheticOptions#skillsPerExample()} skills (a keyword in a field, see {@link Skill}) drawn from twelve with a
 * fixed seed. The reward is the fraction of required skills present (1 when all are); the verifier's feedback names
 * the missing ones as {@code [field:keyword]}. The seed candidate holds no skill, so it scores 0 everywhere.
 *
 * <p>Every rollout is counted in {@link #tally()} by the container itself. Thread-safe: the data set is immutable
 * and the tally is concurrent.
 */
public final class SyntheticTask implements TaskHandler {
    public static final String INSTRUCTIONS = "instructions";
    public static final String FORMAT = "format";
    /** The twelve skills examples draw from: six per field. */
    public static final List<Skill> ALL_SKILLS = List.of(
            new Skill(INSTRUCTIONS, "cite"), new Skill(INSTRUCTIONS, "verify"), new Skill(INSTRUCTIONS, "units"),
            new Skill(INSTRUCTIONS, "steps"), new Skill(INSTRUCTIONS, "brief"), new Skill(INSTRUCTIONS, "examples"),
            new Skill(FORMAT, "json"), new Skill(FORMAT, "bullets"), new Skill(FORMAT, "table"),
            new Skill(FORMAT, "dates"), new Skill(FORMAT, "currency"), new Skill(FORMAT, "headings"));
    public static final Map<String, String> SEED_CANDIDATE = Map.of(INSTRUCTIONS, "Answer the request.",
            FORMAT, "Reply in plain text.");

    private final SyntheticOptions options;
    private final Map<String, List<List<Skill>>> splits;
    private final RolloutTally tally = new RolloutTally();

    public SyntheticTask(SyntheticOptions options) {
        this.options = options;
        this.splits = Map.of("train", draw("train", options.trainSize()), "test", draw("test", options.testSize()));
    }

    private List<List<Skill>> draw(String split, int n) {
        SplittableRandom random = new SplittableRandom(options.dataSeed() * 1_000_003L + split.hashCode());
        List<List<Skill>> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Skill> pool = new ArrayList<>(ALL_SKILLS);
            List<Skill> required = new ArrayList<>();
            for (int k = 0; k < options.skillsPerExample(); k++) {
                required.add(pool.remove(random.nextInt(pool.size())));
            }
            examples.add(required.stream().sorted().toList());
        }
        return List.copyOf(examples);
    }

    /** The container-side count of executed rollouts. */
    public RolloutTally tally() {
        return tally;
    }

    /** The skills example {@code seed} of {@code split} requires, sorted. */
    public List<Skill> required(String split, long seed) {
        return rowSkills(split, seed);
    }

    @Override
    public ProgramSpec program() {
        return new ProgramSpec("synthetic_skills", List.of(
                new ProgramModule("instructions", "system", SEED_CANDIDATE.get(INSTRUCTIONS), true, INSTRUCTIONS),
                new ProgramModule("format", "system", SEED_CANDIDATE.get(FORMAT), true, FORMAT)), SEED_CANDIDATE);
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("synthetic_skills", "Each request needs certain skills named in the right prompt field.",
                "The verifier names missing skills as [field:keyword]; add the keyword to that field.");
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("synthetic_skills_" + options.dataSeed(), Map.of("train", options.trainSize(), "test",
                options.testSize()));
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        List<ExampleRow> rows = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            String labels = rowSkills(split, seed).stream().map(Skill::label).collect(Collectors.joining(" "));
            rows.add(new ExampleRow(split + ":" + seed, seed, split, Map.of("text", "synthetic request " + split + " #"
                    + seed, "skills", labels)));
        }
        return rows;
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) throws InterruptedException {
        tally.record(call.rolloutId(), CandidateIds.of(call.candidate()), call.row().exampleId());
        if (options.latencyMs() > 0) {
            Thread.sleep(options.latencyMs());
        }
        List<Skill> required = Skill.parseAll(call.row().field("skills"));
        List<Skill> missing = required.stream()
                .filter(s -> !s.presentIn(call.candidate().getOrDefault(s.field(), ""))).toList();
        double reward = (required.size() - missing.size()) / (double) required.size();
        boolean passed = missing.isEmpty();
        String present = required.stream().filter(s -> !missing.contains(s)).map(s -> s.field() + ":" + s.keyword())
                .collect(Collectors.joining(", "));
        String feedback = passed ? "all " + required.size() + " required skills present"
                : "missing " + missing.size() + " of " + required.size() + " required skills: "
                + missing.stream().map(Skill::label).collect(Collectors.joining(" "))
                + (present.isEmpty() ? "" : "; present: " + present);
        String text = call.candidate().values().stream().collect(Collectors.joining(" "));
        return new RolloutOutcome(reward, passed ? "complete answer" : "incomplete answer",
                new VerifierResult(passed, reward, feedback), Usage.of(text.length() / 4 + 8, 4, 0.0),
                List.of(new TraceEvent("input", call.row().field("text")), new TraceEvent("verifier", feedback)),
                Map.of("required", call.row().field("skills")));
    }

    private List<Skill> rowSkills(String split, long seed) {
        List<List<Skill>> examples = splits.get(split);
        if (examples == null) {
            throw new IllegalArgumentException("unknown split '" + split + "': use train or test");
        }
        if (seed < 0 || seed >= examples.size()) {
            throw new IllegalArgumentException("seed " + seed + " is outside split '" + split + "' (0.."
                    + (examples.size() - 1) + ")");
        }
        return examples.get((int) seed);
    }
}
