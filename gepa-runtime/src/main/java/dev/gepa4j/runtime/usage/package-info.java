/**
 * What model calls cost: {@link dev.gepa4j.runtime.usage.PriceTable} turns token counts into US dollars from a
 * per-model table of prices (built-in defaults, overridable from the config).
 *
 * <p>May import: {@code java.*} and {@code dev.gepa4j.core.model}. Nothing here talks to the network.
 */
package dev.gepa4j.runtime.usage;
