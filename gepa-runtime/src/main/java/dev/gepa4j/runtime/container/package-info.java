/**
 * The optimizer's client for task containers: {@link dev.gepa4j.runtime.container.HttpTaskContainer} speaks the
 * gepa container contract over HTTP/1.1 and types every failure as retriable (connect errors, timeouts,
 * 408/425/429/5xx/529, with Retry-After) or not (other 4xx, contract violations). It never retries itself;
 * the rollout queue does. It sends the container's key as {@code X-API-Key} or a bearer token
 * ({@link dev.gepa4j.runtime.container.ContainerAuth}), follows the public aliases and taskset routes, and submits
 * rollouts sync or async ({@link dev.gepa4j.runtime.container.SubmissionMode}): async ones are polled from one
 * shared timer ({@code AsyncPoller}) and their ids kept in a
 * {@link dev.gepa4j.runtime.container.SubmittedRollouts} store so a resumed run polls instead of resubmitting.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.contract.*}, {@code dev.gepa4j.runtime.reflection}
 * (the marked cut of long trace steps), {@code java.net.http} and {@code java.*}.
 */
package dev.gepa4j.runtime.container;
