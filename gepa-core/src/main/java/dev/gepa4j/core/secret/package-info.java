/**
 * The one rule for what counts as a secret: {@link dev.gepa4j.core.secret.SecretNames} decides by a setting's
 * name (used by the container SDK, the policy spec and the evidence writer), {@link dev.gepa4j.core.secret.Secrets}
 * removes known secret values from any text before it is stored or shown.
 *
 * <p>May import: the JDK only.
 */
package dev.gepa4j.core.secret;
