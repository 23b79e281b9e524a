/**
 * Waiting between attempts, shared by every caller that retries over the network (task containers and reflection
 * models): {@link dev.gepa4j.core.retry.RetryAfterHeader} reads what a server asks for, and
 * {@link dev.gepa4j.core.retry.Backoff} computes the jittered exponential pause when it asks for nothing.
 *
 * <p>May import: the JDK only.
 */
package dev.gepa4j.core.retry;
