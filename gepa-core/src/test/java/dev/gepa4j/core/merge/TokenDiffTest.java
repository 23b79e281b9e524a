package dev.gepa4j.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenDiffTest {
    @Test
    void anInsertionAndAReplacementAreTwoHunksOverTheBase() {
        List<String> base = List.of("a", "b", "c", "d", "e");
        List<String> side = List.of("a", "x", "b", "c", "D", "e");

        assertThat(TokenDiff.hunks(base, side)).containsExactly(
                new TokenDiff.Hunk(1, 1, List.of("x")),
                new TokenDiff.Hunk(3, 4, List.of("D")));
    }

    @Test
    void equalListsHaveNoHunks() {
        assertThat(TokenDiff.hunks(List.of("a", "b"), List.of("a", "b"))).isEmpty();
    }

    @Test
    void applyingTheHunksToTheBaseGivesTheSideOverManyRandomEdits() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 500; round++) {
            List<String> base = randomTokens(random, random.nextInt(0, 30));
            List<String> side = edit(random, base);
            List<TokenDiff.Hunk> hunks = TokenDiff.hunks(base, side);

            assertThat(apply(base, hunks)).as("round %d: %s -> %s", round, base, side).isEqualTo(side);
            for (int h = 1; h < hunks.size(); h++) {
                assertThat(hunks.get(h).start()).as("hunks in order, not touching").isGreaterThan(hunks.get(h - 1).end());
            }
        }
    }

    @Test
    void aMiddleTooLargeForTheTableIsOneHunk() {
        List<String> base = new ArrayList<>(Collections.nCopies(2_100, "x"));
        List<String> side = new ArrayList<>(Collections.nCopies(2_100, "y"));
        base.addFirst("same");
        side.addFirst("same");

        assertThat(TokenDiff.hunks(base, side)).containsExactly(new TokenDiff.Hunk(1, 2_101, side.subList(1, 2_101)));
    }

    private static List<String> randomTokens(SplittableRandom random, int n) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(Character.toString('a' + random.nextInt(5)));
        }
        return tokens;
    }

    private static List<String> edit(SplittableRandom random, List<String> base) {
        List<String> side = new ArrayList<>(base);
        for (int e = random.nextInt(0, 5); e > 0; e--) {
            int at = random.nextInt(0, side.size() + 1);
            switch (random.nextInt(3)) {
                case 0 -> side.add(at, Character.toString('a' + random.nextInt(7)));
                case 1 -> {
                    if (at < side.size()) {
                        side.remove(at);
                    }
                }
                default -> {
                    if (at < side.size()) {
                        side.set(at, Character.toString('a' + random.nextInt(7)));
                    }
                }
            }
        }
        return side;
    }

    private static List<String> apply(List<String> base, List<TokenDiff.Hunk> hunks) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (TokenDiff.Hunk h : hunks) {
            out.addAll(base.subList(at, h.start()));
            out.addAll(h.replacement());
            at = h.end();
        }
        out.addAll(base.subList(at, base.size()));
        return out;
    }
}
