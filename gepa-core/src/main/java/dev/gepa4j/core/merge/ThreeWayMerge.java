package dev.gepa4j.core.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diff3-style merge of one text that two sides edited from a common base. Each side's edits are the hunks of a
 * diff from the base ({@link TokenDiff}); hunks of the two sides that overlap or touch in the base form one
 * region, resolved like this:
 * <ul>
 *   <li>only one side changed the region: that side's text;</li>
 *   <li>both made the same change: it, once;</li>
 *   <li>both only inserted text at the same place: both insertions, ours first, then theirs;</li>
 *   <li>otherwise a conflict: at line level the region is merged again word by word (a word with the whitespace
 *       before it), so edits to different words of one line still combine; a conflict there fails the merge.</li>
 * </ul>
 * The whole text is tokenized into lines (each with its line break) first, so word-level matching only runs inside
 * regions both sides changed. Concatenating the tokens gives back the text exactly, so whitespace is kept.
 *
 * <p>Deterministic and stateless; not symmetric: which side is "ours" decides the order of two insertions at one
 * place.
 */
public final class ThreeWayMerge {
    private static final Pattern LINES = Pattern.compile("[^\n]*\n|[^\n]+");
    private static final Pattern WORDS = Pattern.compile("\\s*\\S+|\\s+");

    private ThreeWayMerge() {
    }

    /** The merged text, or empty when the two sides' edits conflict. */
    public static Optional<String> merge(String base, String ours, String theirs) {
        if (ours.equals(theirs) || base.equals(theirs)) {
            return Optional.of(ours);
        }
        if (base.equals(ours)) {
            return Optional.of(theirs);
        }
        return merge(base, ours, theirs, LINES);
    }

    /** One side's change: base tokens [start, end) replaced by {@code replacement}. */
    private record Hunk(boolean ours, int start, int end, List<String> replacement) {
    }

    private static Optional<String> merge(String baseText, String oursText, String theirsText, Pattern unit) {
        List<String> base = tokens(baseText, unit);
        List<Hunk> hunks = new ArrayList<>(hunks(base, tokens(oursText, unit), true));
        hunks.addAll(hunks(base, tokens(theirsText, unit), false));
        hunks.sort(Comparator.comparingInt(Hunk::start).thenComparing(h -> !h.ours()));
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < hunks.size(); ) {
            int start = hunks.get(i).start();
            int end = hunks.get(i).end();
            int j = i + 1;
            while (j < hunks.size() && hunks.get(j).start() <= end) {
                end = Math.max(end, hunks.get(j).end());
                j++;
            }
            List<Hunk> region = hunks.subList(i, j);
            out.append(join(base, copied, start));
            Optional<String> resolved = resolve(base, start, end, region, unit);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            out.append(resolved.get());
            copied = end;
            i = j;
        }
        return Optional.of(out.append(join(base, copied, base.size())).toString());
    }

    private static Optional<String> resolve(List<String> base, int start, int end, List<Hunk> region, Pattern unit) {
        boolean oursChanged = region.stream().anyMatch(Hunk::ours);
        boolean theirsChanged = region.stream().anyMatch(h -> !h.ours());
        String ours = apply(base, start, end, region, true);
        String theirs = apply(base, start, end, region, false);
        if (!theirsChanged || ours.equals(theirs)) {
            return Optional.of(ours);
        }
        if (!oursChanged) {
            return Optional.of(theirs);
        }
        if (start == end) {
            return Optional.of(ours + theirs);
        }
        return unit == LINES ? merge(join(base, start, end), ours, theirs, WORDS) : Optional.empty();
    }

    /** The base tokens [start, end) with one side's hunks of the region applied. */
    private static String apply(List<String> base, int start, int end, List<Hunk> region, boolean ours) {
        StringBuilder s = new StringBuilder();
        int at = start;
        for (Hunk h : region) {
            if (h.ours() == ours) {
                s.append(join(base, at, h.start()));
                h.replacement().forEach(s::append);
                at = h.end();
            }
        }
        return s.append(join(base, at, end)).toString();
    }

    private static List<Hunk> hunks(List<String> base, List<String> side, boolean ours) {
        List<Hunk> hunks = new ArrayList<>();
        for (TokenDiff.Hunk h : TokenDiff.hunks(base, side)) {
            hunks.add(new Hunk(ours, h.start(), h.end(), h.replacement()));
        }
        return hunks;
    }

    static List<String> tokens(String text, Pattern unit) {
        List<String> tokens = new ArrayList<>();
        Matcher m = unit.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static String join(List<String> tokens, int from, int to) {
        return String.join("", tokens.subList(from, to));
    }
}
