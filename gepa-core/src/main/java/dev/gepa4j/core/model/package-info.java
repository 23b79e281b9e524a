/**
 * The values every stage of a run passes around: candidates, examples, rollout results, usage, the program
 * surface and policy spec. Records only, validated in their compact constructors.
 *
 * <p>May import: {@code java.*} and {@code secret} (the one rule for secret setting names). Every other package of
 * gepa4j may import this one.
 */
package dev.gepa4j.core.model;
