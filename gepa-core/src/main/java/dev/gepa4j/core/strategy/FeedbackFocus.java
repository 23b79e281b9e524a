package dev.gepa4j.core.strategy;

import dev.gepa4j.core.model.RolloutResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a proposal onto the fields the container blamed. The component selector picks the fields to rewrite before
 * the parent runs on its minibatch; once the results are in, a container that addresses feedback to single fields
 * ({@code reward_info.details.feedback_by_module}) may show that the planned field did nothing wrong while another
 * did (a router that misroutes every ticket, while the classifier is up for a rewrite).
 *
 * <p>Rule: when the selector chose some but not all mutable fields, and no planned field is addressed by the
 * per-field feedback of any minibatch example below full marks while some other mutable field is, the proposal
 * rewrites instead as many fields as were planned, taken from the addressed ones by how many examples address
 * them (most first; ties in the program's field order). In every other case the plan stands, so containers that
 * send no per-field feedback, single-field programs and the {@code all} selector behave exactly as before.
 */
public final class FeedbackFocus {
    private FeedbackFocus() {
    }

    /**
     * The fields the proposal should rewrite.
     *
     * @param planned       the component selector's choice
     * @param mutableFields every field proposals may write, in program order
     * @param results       the parent's results on the minibatch
     */
    public static List<String> refocus(List<String> planned, List<String> mutableFields, List<RolloutResult> results) {
        if (planned.size() >= mutableFields.size()) {
            return planned;
        }
        Map<String, Integer> addressed = new LinkedHashMap<>();
        for (String field : mutableFields) {
            addressed.put(field, 0);
        }
        for (RolloutResult r : results) {
            if (r.reward() < 1.0) {
                for (String field : r.verifier().feedbackByModule().keySet()) {
                    addressed.computeIfPresent(field, (f, n) -> n + 1);
                }
            }
        }
        addressed.values().removeIf(n -> n == 0);
        if (addressed.isEmpty() || planned.stream().anyMatch(addressed::containsKey)) {
            return planned;
        }
        List<String> blamed = new ArrayList<>(addressed.keySet());
        blamed.sort(Comparator.comparing(addressed::get, Comparator.reverseOrder()));
        List<String> chosen = blamed.subList(0, Math.min(planned.size(), blamed.size()));
        return mutableFields.stream().filter(chosen::contains).toList();
    }
}
