package dev.gepa4j.runtime.container;

import dev.gepa4j.core.retry.RetryAfterHeader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.AsyncRecords;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractMapping;
import dev.gepa4j.contract.ContractVersions;
import dev.gepa4j.contract.ContractViolationException;
import dev.gepa4j.contract.RolloutMapping;
import dev.gepa4j.contract.Tasksets;
import dev.gepa4j.contract.wire.DatasetResponse;
import dev.gepa4j.contract.wire.DatasetRowsRequest;
import dev.gepa4j.contract.wire.DatasetRowsResponse;
import dev.gepa4j.contract.wire.GepaContractDeclaration;
import dev.gepa4j.contract.wire.HealthResponse;
import dev.gepa4j.contract.wire.MetadataResponse;
import dev.gepa4j.contract.wire.ProgramResponse;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.contract.wire.TaskInfoResponse;
import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * A task container behind HTTP/1.1, spoken to over a pool of keep-alive connections ({@link ContainerHttp}).
 *
 * <p>Every exchange has a whole-response deadline (the discovery timeout, or the rollout's own) and a body cap
 * ({@link HttpContainerOptions#maxBodyBytes()}); a rollout's trace is kept up to
 * {@link HttpContainerOptions#maxTraceChars()} ({@link StoredTrace}).
 *
 * <p>Failures: no response, a timeout, or 408/425/429/5xx/529 throw {@link RetriableContainerException} (with the
 * container's Retry-After; a refused or dropped connection is marked {@code unreachable}); other non-2xx statuses
 * throw {@link NonRetriableContainerException}; a 2xx whose body breaks the contract, and a body over the cap,
 * throw {@link NonRetriableContainerException} marked as a contract violation. Messages
 * name the endpoint, the route, what was wrong and what to fix; the API key never appears in them.
 * Thread-safe.
 */
public final class HttpTaskContainer implements TaskContainer {
    private static final Set<Integer> RETRIABLE_STATUSES = Set.of(408, 425, 429, 529);
    /** What to do when a rollout misses its deadline: the one deadline a user sets. */
    private static final String ROLLOUT_TIMEOUT_HINT = "raise [container] timeout_seconds";

    private final String baseUrl;
    private final HttpContainerOptions options;
    private final ContainerHttp http;
    private final ConcurrentHashMap<String, URI> uris = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AsyncRollouts async;
    private volatile GepaContractDeclaration declaration = GepaContractDeclaration.standard(ContractVersions.SERVED);
    private volatile ProgramSpec program;
    /** The mode rollouts are submitted in: the configured one, resolved against /metadata by {@link #preflight}. */
    private volatile SubmissionMode mode;
    /** The rollout route actually answering; the public alias {@code /rollouts} once {@code /rollout} gave 404. */
    private volatile String rolloutRouteInUse;

    public HttpTaskContainer(String baseUrl) {
        this(baseUrl, HttpContainerOptions.defaults());
    }

    public HttpTaskContainer(String baseUrl, HttpContainerOptions options) {
        this.baseUrl = trimSlash(baseUrl);
        URI.create(this.baseUrl); // fail fast on a malformed URL, naming it
        this.options = options;
        this.clock = Clock.systemUTC();
        this.http = new ContainerHttp(options.connectTimeout(), options.apiKey(), options.auth(),
                options.maxBodyBytes());
        this.async = new AsyncRollouts(this, http, options.submission());
        SubmissionMode configured = options.submission().mode();
        this.mode = configured == SubmissionMode.AUTO ? SubmissionMode.SYNC : configured;
    }

    /** True when rollouts go the async way (configured, or declared async-only in /metadata when auto). */
    public boolean asyncRollouts() {
        return mode == SubmissionMode.ASYNC;
    }

    /**
     * Where the ids of submitted async rollouts are kept (by default in memory): a durable store lets a resumed run
     * poll a rollout it submitted before a crash instead of submitting it again.
     */
    public void rememberSubmissionsIn(SubmittedRollouts store) {
        async.useStore(store);
    }

    @Override
    public String endpoint() {
        return baseUrl;
    }

    @Override
    public void preflight() {
        byte[] healthBody = send("/health", options.discoveryTimeout(),
                () -> http.get(uri("/health"), options.discoveryTimeout()));
        HealthResponse health;
        try {
            health = ContractCodec.read(healthBody, HealthResponse.class);
        } catch (ContractViolationException notJson) {
            // a 200 on /health means ready even when the body is plain text; `gepa check` flags the body
            health = HealthResponse.ok(null);
        }
        if (health.status() != null && !health.status().equalsIgnoreCase("ok")
                && !health.status().equalsIgnoreCase("healthy")) {
            throw new RetriableContainerException(baseUrl, 200, baseUrl + "/health says status '" + health.status()
                    + "': the container is not ready yet; wait and retry", null, null);
        }
        MetadataResponse metadata = withAlias("/metadata", "/info", r -> get(r, MetadataResponse.class));
        GepaContractDeclaration gepa = metadata.gepaContract().orElseThrow(() -> violation("/metadata",
                "declares no gepa contract: add metadata.optimizer_contracts.gepa = {\"version\": \""
                        + ContractVersions.SERVED + "\", ...} to /metadata", null));
        if (!ContractVersions.accepts(gepa.version())) {
            throw violation("/metadata", "declares gepa contract version '" + gepa.version()
                    + "', which is not a gepa contract: declare \"" + ContractVersions.SERVED + "\"", null);
        }
        this.declaration = gepa;
        this.mode = options.submission().mode().resolve(AsyncRecords.rolloutModes(metadata));
        program();
        dataset();
    }

    @Override
    public ProgramSpec program() {
        String route = route(declaration.programRoute(), "/program");
        ProgramResponse doc = get(route, ProgramResponse.class);
        try {
            ProgramSpec spec = ContractMapping.toProgramSpec(doc);
            this.program = spec;
            return spec;
        } catch (ContractViolationException | IllegalArgumentException e) {
            throw violation(route, e.getMessage(), e);
        }
    }

    @Override
    public TaskInfo taskInfo() {
        return ContractMapping.toTaskInfo(get(route(declaration.taskInfoRoute(), "/task_info"), TaskInfoResponse.class));
    }

    @Override
    public DatasetInfo dataset() {
        String taskset = Tasksets.tasksetRoute(declaration);
        if (taskset != null) {
            try {
                return ContractMapping.toDatasetInfo(Tasksets.asDataset(get(taskset, JsonNode.class)));
            } catch (ContractViolationException e) {
                throw violation(taskset, e.getMessage(), e);
            }
        }
        return ContractMapping.toDatasetInfo(get(route(declaration.datasetRoute(), "/dataset"), DatasetResponse.class));
    }

    @Override
    public List<DatasetRow> rows(Split split, List<Long> seeds) {
        if (seeds.isEmpty()) {
            return List.of();
        }
        String tasks = Tasksets.tasksRoute(declaration);
        String route = tasks != null ? tasks : route(declaration.datasetRowsRoute(), "/dataset/rows");
        try {
            DatasetRowsResponse doc;
            if (tasks != null) {
                byte[] body = Tasksets.tasksRequest(containerSplit(split), seeds);
                doc = Tasksets.asRows(parse(route, post(route, body, options.discoveryTimeout()), JsonNode.class));
            } else {
                byte[] body = ContractCodec.write(DatasetRowsRequest.of(containerSplit(split), seeds));
                doc = parse(route, post(route, body, options.discoveryTimeout()), DatasetRowsResponse.class);
            }
            return ContractMapping.toRows(split, seeds, doc);
        } catch (ContractViolationException e) {
            throw violation(route, e.getMessage(), e);
        }
    }

    @Override
    public RolloutResult rollout(RolloutRequest request) {
        String declared = route(declaration.rolloutRoute(), "/rollout");
        String route = rolloutRouteInUse != null ? rolloutRouteInUse : declared;
        ProgramSpec known = program;
        if (known != null && !known.mutableFields().containsAll(request.candidate().keySet())) {
            throw violation(route, "candidate " + request.candidateId() + " sets fields "
                    + request.candidate().keySet() + " but /program marks only " + known.mutableFields()
                    + " mutable: propose only mutable fields", null);
        }
        String split = containerSplit(request.row().ref().split());
        long started = System.nanoTime();
        RolloutResponseDoc doc;
        if (mode == SubmissionMode.ASYNC) {
            byte[] body = RolloutMapping.writeRequest(request, split, SubmissionMode.ASYNC.label());
            doc = withAlias(route, "/rollouts", r -> async.run(request, r, body));
        } else {
            byte[] body = RolloutMapping.writeRequest(request, split);
            byte[] answer = withAlias(route, "/rollouts", r -> send(r, request.timeout(), ROLLOUT_TIMEOUT_HINT,
                    () -> http.postJson(uri(r), body, request.timeout())));
            doc = parse(route, answer, RolloutResponseDoc.class);
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        try {
            return StoredTrace.bounded(RolloutMapping.toResult(request, doc, latencyMs, 1, baseUrl),
                    options.maxTraceChars());
        } catch (ContractViolationException e) {
            throw violation(route, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            async.terminateOutstanding();
            http.close();
        } catch (RuntimeException ignored) {
            // closing is best effort: the caller is done with this container either way
        }
    }

    private String containerSplit(Split split) {
        return options.containerSplit(split);
    }

    private <T> T get(String route, Class<T> type) {
        return parse(route, send(route, options.discoveryTimeout(), () -> http.get(uri(route), options.discoveryTimeout())),
                type);
    }

    private byte[] post(String route, byte[] body, Duration timeout) {
        return send(route, timeout, () -> http.postJson(uri(route), body, timeout));
    }

    /** A discovery or dataset exchange: its deadline is fixed, so the only fix is on the container's side. */
    private byte[] send(String route, Duration timeout, Exchange exchange) {
        return send(route, timeout, "make the route answer within " + timeout.toSeconds() + " s (the deadline of "
                + "every discovery and dataset request)", exchange);
    }

    /**
     * Calls {@code route}; when it answers 404 and is the standard name of a route with a public alias
     * ({@code /metadata} and {@code /info}, {@code /rollout} and {@code /rollouts}), calls the alias instead. A
     * rollout route found this way is kept for later rollouts. When the alias fails too, the first failure is
     * thrown (a 404 may be the container's own answer, such as an unknown example).
     */
    private <T> T withAlias(String route, String alias, java.util.function.Function<String, T> call) {
        try {
            return call.apply(route);
        } catch (NonRetriableContainerException e) {
            boolean standard = route.equals("/metadata") || route.equals("/rollout");
            if (e.httpStatus() != 404 || !standard) {
                throw e;
            }
            T answer;
            try {
                answer = call.apply(alias);
            } catch (NonRetriableContainerException aliasToo) {
                throw e; // the alias is no better: the first answer says what the container meant
            }
            if (alias.equals("/rollouts")) {
                rolloutRouteInUse = alias;
            }
            return answer;
        }
    }

    /** The URI of a route, parsed once per route rather than once per rollout. */
    URI uri(String route) {
        return uris.computeIfAbsent(route, r -> URI.create(baseUrl + r));
    }

    /** One exchange of {@link ContainerHttp}, for {@link #send}. */
    @FunctionalInterface
    interface Exchange {
        ContainerHttp.Answer call() throws IOException;
    }

    /**
     * @param timeoutHint what to do when the deadline passes; names the setting that governs this request, if any
     */
    private byte[] send(String route, Duration timeout, String timeoutHint, Exchange exchange) {
        return exchange(route, timeout, timeoutHint, exchange).body();
    }

    /**
     * One exchange with its failures typed as {@link #send} types them; the whole answer (status and body) of a 2xx.
     */
    ContainerHttp.Answer exchange(String route, Duration timeout, String timeoutHint, Exchange exchange) {
        ContainerHttp.Answer answer;
        try {
            answer = exchange.call();
        } catch (SocketTimeoutException | ConnectionRequestTimeoutException e) {
            throw new RetriableContainerException(baseUrl, 0, baseUrl + route + " did not answer completely within "
                    + timeout.toMillis() + " ms: the container is slow or overloaded; retry later, lower concurrency or "
                    + timeoutHint, null, e);
        } catch (BodyTooLargeException e) {
            throw violation(route, e.getMessage() + ": answer with less (bounded traces and outputs), or raise "
                    + "[container] max_response_mb", e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RetriableContainerException(baseUrl, 0, "interrupted while calling " + baseUrl + route,
                        null, e);
            }
            throw RetriableContainerException.unreachable(baseUrl, "cannot reach " + baseUrl + route + " (" + e
                    + "): is the container running and listening there?", e);
        }
        return checkStatus(route, answer);
    }

    private ContainerHttp.Answer checkStatus(String route, ContainerHttp.Answer response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return response;
        }
        String said = snippet(response.body());
        if (status >= 500 || RETRIABLE_STATUSES.contains(status)) {
            Duration wait = RetryAfterHeader.parse(response.retryAfter(), clock.instant()).orElse(null);
            throw new RetriableContainerException(baseUrl, status, baseUrl + route + " answered HTTP " + status
                    + (said.isEmpty() ? "" : " (" + said + ")") + ": the container is overloaded or failing; "
                    + "retry later" + (wait == null ? "" : " (it asked to wait " + wait.toSeconds() + " s)"), wait,
                    null);
        }
        String fix = status == 401 || status == 403
                ? "pass the container's key (gepa: --api-key-env NAME)"
                : "the request was refused; check the container's message and the contract version";
        throw new NonRetriableContainerException(baseUrl, status, baseUrl + route + " answered HTTP " + status
                + (said.isEmpty() ? "" : " (" + said + ")") + ": " + fix, false, null);
    }

    private <T> T parse(String route, byte[] body, Class<T> type) {
        try {
            return ContractCodec.read(body, type);
        } catch (ContractViolationException e) {
            throw violation(route, "answered a body that breaks the contract: " + e.getMessage()
                    + " (body starts: " + snippet(body) + ")", e);
        }
    }

    /** A JSON body as a tree; a body that is not JSON is a contract violation at {@code route}. */
    JsonNode parseTree(String route, byte[] body) {
        return parse(route, body, JsonNode.class);
    }

    NonRetriableContainerException violation(String route, String what, Throwable cause) {
        return new NonRetriableContainerException(baseUrl, 0, "contract violation at " + baseUrl + route + ": "
                + what, true, cause);
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return body.length > 200 ? text + "..." : text;
    }

    private static String route(String declared, String standard) {
        return declared == null || declared.isBlank() ? standard : declared.startsWith("/") ? declared : "/" + declared;
    }

    private static String trimSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

}
