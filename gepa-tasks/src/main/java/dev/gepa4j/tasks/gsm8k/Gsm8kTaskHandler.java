package dev.gepa4j.tasks.gsm8k;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.TaskHandler;
import dev.langchain4j.model.chat.ChatModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every GSM8K task handler shares: the data (splits and rows), the policy model of a rollout, and how its
 * program of mutable text fields is declared. Subclasses add the program, the task info and the rollout.
 */
public abstract class Gsm8kTaskHandler implements TaskHandler {
    private final Gsm8kRows rows;
    private final Function<PolicySpec, ChatModel> models;

    /**
     * @param rows   the GSM8K data
     * @param models the chat model for a rollout's policy; throws with a readable message when there is none
     */
    protected Gsm8kTaskHandler(Gsm8kRows rows, Function<PolicySpec, ChatModel> models) {
        this.rows = rows;
        this.models = models;
    }

    @Override
    public final DatasetInfo dataset() {
        return rows.dataset();
    }

    @Override
    public final List<ExampleRow> rows(String split, List<Long> seeds) {
        return rows.rows(split, seeds);
    }

    /** The problem behind a rollout's row. */
    protected final Gsm8kProblem problem(ExampleRow row) {
        return rows.problem(row);
    }

    /** The chat model a rollout's policy names (or the container's environment does). */
    protected final ChatModel model(PolicySpec policy) {
        return models.apply(policy);
    }

    /**
     * A program of mutable fields, each module's id being its candidate field, its content the seed text.
     *
     * @param roleFieldSeed per module, in order: role, field, seed text
     */
    protected static ProgramSpec program(String programId, String[]... roleFieldSeed) {
        Map<String, String> seed = new LinkedHashMap<>();
        List<ProgramModule> modules = java.util.Arrays.stream(roleFieldSeed).map(m -> {
            seed.put(m[1], m[2]);
            return new ProgramModule(m[1], m[0], m[2], true, m[1]);
        }).toList();
        return new ProgramSpec(programId, modules, seed);
    }

    /** {@code value} when it is within 1..max, else an {@link IllegalArgumentException} naming {@code what}. */
    protected static int limit(String what, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(what + " must be between 1 and " + max + ", was " + value);
        }
        return value;
    }
}
