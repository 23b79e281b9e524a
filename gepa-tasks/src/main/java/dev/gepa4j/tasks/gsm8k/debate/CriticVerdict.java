package dev.gepa4j.tasks.gsm8k.debate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a critic's reply decided: the last of the upper-case words {@code ACCEPT} and {@code REJECT} in it counts
 * (lower-case "accept" in prose does not). A reply with neither is {@link #UNCLEAR}, which the loop treats like
 * {@link #REJECT}: the debate goes on.
 */
public enum CriticVerdict {
    ACCEPT, REJECT, UNCLEAR;

    private static final Pattern WORD = Pattern.compile("\\b(ACCEPT|REJECT)\\b");

    /** Reads a critic's reply; null reads as {@link #UNCLEAR}. */
    public static CriticVerdict read(String reply) {
        if (reply == null) {
            return UNCLEAR;
        }
        CriticVerdict last = UNCLEAR;
        Matcher m = WORD.matcher(reply);
        while (m.find()) {
            last = valueOf(m.group(1));
        }
        return last;
    }
}
