package dev.gepa4j.runtime.evidence;

import dev.gepa4j.runtime.reflection.Cut;
import dev.gepa4j.runtime.reflection.TraceSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rollout's trace as the views show it: its steps in order, grouped into stages, a stage being a run of
 * consecutive steps with the same {@code module_id} (the candidate field that shaped them; null for untagged steps
 * such as the input or the final answer). Bounded: each step's text is cut to {@link #MAX_STEP_CHARS}, and once
 * the caller's total of step text is shown the rest is summed up in one last untagged step. A trace that is not a
 * list of steps has no stages (the views then show the raw trace).
 */
public final class TraceStages {
    /** Characters of one step's text shown, at most. */
    public static final int MAX_STEP_CHARS = 1_000;

    private TraceStages() {
    }

    /** One step as shown. */
    public record StepView(String type, String text) {
    }

    /** Consecutive steps shaped by one field ({@code moduleId}), or untagged ({@code moduleId} null). */
    public record Stage(String moduleId, List<StepView> steps) {
        public Stage {
            steps = List.copyOf(steps);
        }
    }

    /** The stages of a stored trace, showing at most about {@code maxTotalChars} of step text over all stages. */
    public static List<Stage> of(String traceJson, int maxTotalChars) {
        List<TraceSteps.Step> steps = TraceSteps.parse(traceJson).steps();
        List<Stage> stages = new ArrayList<>();
        String module = null;
        List<StepView> current = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < steps.size(); i++) {
            TraceSteps.Step s = steps.get(i);
            if (shown >= maxTotalChars) {
                close(stages, module, current);
                stages.add(new Stage(null, List.of(new StepView("note", "[... " + (steps.size() - i)
                        + " more steps in the workspace]"))));
                return stages;
            }
            if (!current.isEmpty() && !Objects.equals(module, s.moduleId())) {
                close(stages, module, current);
            }
            module = s.moduleId();
            String text = Cut.middle(s.text(), Math.min(MAX_STEP_CHARS, Math.max(Cut.MIN_BOUND,
                    maxTotalChars - shown)));
            current.add(new StepView(s.type(), text));
            shown += text.length();
        }
        close(stages, module, current);
        return stages;
    }

    private static void close(List<Stage> stages, String module, List<StepView> current) {
        if (!current.isEmpty()) {
            stages.add(new Stage(module, current));
            current.clear();
        }
    }
}
