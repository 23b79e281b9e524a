package dev.gepa4j.core.frontier;

import java.util.List;

/**
 * What adding one candidate did to the frontier.
 *
 * @param candidateId   the candidate added
 * @param newSeeds      train examples on which it strictly raised the best reward (in train order)
 * @param tiedSeeds     train examples on which it joined the holders of the best reward (a tie, reward &gt; 0)
 * @param newlyCovered  train examples nobody solved before and it solves
 * @param changed       whether any example's best reward or holder set changed
 * @param version       the frontier version after the update (unchanged when {@code changed} is false)
 * @param coverage      coverage after the update
 */
public record FrontierUpdate(String candidateId, List<String> newSeeds, List<String> tiedSeeds,
                             List<String> newlyCovered, boolean changed, long version, Coverage coverage) {
    public FrontierUpdate {
        newSeeds = List.copyOf(newSeeds);
        tiedSeeds = List.copyOf(tiedSeeds);
        newlyCovered = List.copyOf(newlyCovered);
    }
}
