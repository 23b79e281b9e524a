/**
 * The optimizer's view of a task container: {@link dev.gepa4j.core.container.TaskContainer} and the typed
 * failures of talking to one.
 *
 * <p>The wire protocol behind it (HTTP + JSON, the public "gepa.v2" container contract) is implemented outside
 * the core, in {@code gepa-contract} and {@code gepa-runtime}; this package only states what the loop may rely
 * on. Failures are typed by what the caller should do next: {@link dev.gepa4j.core.container.RetriableContainerException}
 * (connect errors, timeouts, 408/425/429/5xx/529) may succeed on a later attempt;
 * {@link dev.gepa4j.core.container.NonRetriableContainerException} (other 4xx, contract violations) will not.
 *
 * <p>May import: {@code model}.
 */
package dev.gepa4j.core.container;
