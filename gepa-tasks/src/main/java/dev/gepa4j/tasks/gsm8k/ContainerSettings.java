package dev.gepa4j.tasks.gsm8k;

import java.util.function.UnaryOperator;

/**
 * Reads a built-in GSM8K container's numeric option from its environment, e.g. {@code GSM8K_REACT_MAX_STEPS}. An
 * unset variable gives the default; a value that is not a whole number in range is refused with a message naming
 * the variable, so the container does not start on a typo.
 */
public final class ContainerSettings {
    private ContainerSettings() {
    }

    /** The variable's value, or {@code fallback} when it is unset or blank. */
    public static int intSetting(UnaryOperator<String> environment, String name, int fallback, int min, int max) {
        String raw = environment.apply(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the allowed range
        }
        throw new IllegalArgumentException(name + "=" + raw.strip() + " is not allowed: give a whole number from "
                + min + " to " + max + ", or unset it for the default " + fallback);
    }
}
