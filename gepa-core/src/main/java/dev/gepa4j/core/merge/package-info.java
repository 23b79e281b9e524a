/**
 * Merging the text of two candidates through their common ancestor: {@link dev.gepa4j.core.merge.ThreeWayMerge}
 * merges one field's text (diff3-style, lines then words), {@link dev.gepa4j.core.merge.ComponentMerge} a whole
 * candidate field by field. Used by the merge proposer to build the child and by the merge-pair finder to tell
 * which pairs a merge would actually combine, so both agree on what a merge makes.
 *
 * <p>May import: {@code model} and the JDK ({@link dev.gepa4j.core.merge.TokenDiff} is the core's own diff, since the
 * core depends on the JDK only).
 */
package dev.gepa4j.core.merge;
