package dev.gepa4j.core.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * The edits that turn one token list into another, as hunks over the first list: a longest-common-subsequence diff
 * after the common prefix and suffix are set aside. The core depends on the JDK only (docs/architecture.md), and
 * prompt texts are short, so a quadratic table over the changed middle is cheap; a middle larger than
 * {@value #MAX_CELLS} cells is reported as one hunk replacing all of it (a merge then sees a conflict there and
 * keeps the better parent's text).
 *
 * <p>Deterministic: among equally long common subsequences it prefers to match tokens as early as possible.
 */
final class TokenDiff {
    /** The largest table the middle part may need: 4 million cells of int, 16 MB. */
    static final long MAX_CELLS = 4_000_000;

    /** Base tokens [start, end) replaced by {@code replacement}. */
    record Hunk(int start, int end, List<String> replacement) {
    }

    private TokenDiff() {
    }

    /** The hunks turning {@code base} into {@code side}, in base order, none overlapping or touching another. */
    static List<Hunk> hunks(List<String> base, List<String> side) {
        int prefix = 0;
        while (prefix < base.size() && prefix < side.size() && base.get(prefix).equals(side.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < base.size() - prefix && suffix < side.size() - prefix
                && base.get(base.size() - 1 - suffix).equals(side.get(side.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> a = base.subList(prefix, base.size() - suffix);
        List<String> b = side.subList(prefix, side.size() - suffix);
        List<Hunk> hunks = new ArrayList<>();
        if (a.isEmpty() && b.isEmpty()) {
            return hunks;
        }
        if ((long) (a.size() + 1) * (b.size() + 1) > MAX_CELLS) {
            hunks.add(new Hunk(prefix, prefix + a.size(), List.copyOf(b)));
            return hunks;
        }
        // rest[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] rest = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                rest[i][j] = a.get(i).equals(b.get(j)) ? rest[i + 1][j + 1] + 1
                        : Math.max(rest[i + 1][j], rest[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int hunkStart = -1;
        int sideStart = -1;
        while (i < a.size() || j < b.size()) {
            boolean match = i < a.size() && j < b.size() && a.get(i).equals(b.get(j))
                    && rest[i][j] == rest[i + 1][j + 1] + 1;
            if (match) {
                if (hunkStart >= 0) {
                    hunks.add(new Hunk(prefix + hunkStart, prefix + i, List.copyOf(b.subList(sideStart, j))));
                    hunkStart = -1;
                }
                i++;
                j++;
                continue;
            }
            if (hunkStart < 0) {
                hunkStart = i;
                sideStart = j;
            }
            if (j < b.size() && (i == a.size() || rest[i][j + 1] >= rest[i + 1][j])) {
                j++; // the side inserted b[j]
            } else {
                i++; // the side deleted a[i]
            }
        }
        if (hunkStart >= 0) {
            hunks.add(new Hunk(prefix + hunkStart, prefix + a.size(), List.copyOf(b.subList(sideStart, b.size()))));
        }
        return hunks;
    }
}
