package dev.gepa4j.tasks.banking77;

/**
 * The verifier's judgement of one prediction.
 *
 * @param reward   1.0 when the predicted label equals the gold label, else 0.0
 * @param feedback human-readable explanation naming the expected and the predicted label
 */
public record IntentVerdict(double reward, String feedback) {
    /** True when the reward is 1. */
    public boolean correct() {
        return reward == 1.0;
    }
}
