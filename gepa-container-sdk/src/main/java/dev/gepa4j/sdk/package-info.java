/**
 * The Java container SDK: implement {@link dev.gepa4j.sdk.TaskHandler} (program, task info, data set, rows,
 * rollout) and {@link dev.gepa4j.sdk.ContainerServer#start} serves it as a conformant gepa container over HTTP.
 *
 * <pre>{@code
 * try (ContainerServer server = ContainerServer.start(new MyTask(), ServerOptions.defaults().withPort(8080))) {
 *     System.out.println("serving at " + server.url());   // ./gepa check http://127.0.0.1:8080
 *     Thread.currentThread().join();
 * }
 * }</pre>
 *
 * <p>The server owns the contract: it validates every request and answers client mistakes with a 4xx and a
 * JSON {@code {error, detail}} body (malformed JSON, wrong types, missing seed or candidate: 400; unknown or
 * non-mutable candidate fields and {@code *api_key*} fields anywhere in the body: 422; oversized bodies: 413;
 * a missing or wrong {@code X-API-Key} when one is configured: 401). It answers a repeated {@code rollout_id}
 * from a bounded memory instead of running again, and turns an exception thrown by the handler's rollout into a
 * failed result (reward 0, the error in the trace: data for reflection, not a server error). Requests run on
 * virtual threads. Handlers only do the task.
 *
 * <p>Long rollouts can be served asynchronously: {@code ServerOptions.withRolloutModes(RolloutModes.ASYNC_ONLY)}
 * answers each {@code POST /rollout} with 202 and a queued record, serves the record and then the result at
 * {@code GET /rollouts/{id}}, and cancels at {@code POST /rollouts/{id}/terminate} ({@link dev.gepa4j.sdk.RolloutModes}).
 *
 * <p>A program with several fields (a router prompt and a classifier prompt, say) tells the optimizer which
 * field each step and each piece of feedback belongs to: {@link dev.gepa4j.sdk.TraceEvent#of} tags a trace step
 * with its field ({@code module_id}), and {@code VerifierResult.withFeedbackFor} addresses feedback to one field
 * ({@code reward_info.details.feedback_by_module}). Untagged steps are shown to every field's reflection.
 *
 * <p>{@link dev.gepa4j.sdk.InProcessContainer} runs a handler in the optimizer's own JVM, as a
 * {@code TaskContainer} with no HTTP in between (the library API's way in), through the same documents and checks.
 *
 * <p>May import: {@code dev.gepa4j.core.model}, {@code dev.gepa4j.core.container} (records, the
 * {@code TaskContainer} interface and its exceptions),
 * {@code dev.gepa4j.contract}, Jackson, Javalin and {@code java.*}.
 */
package dev.gepa4j.sdk;
