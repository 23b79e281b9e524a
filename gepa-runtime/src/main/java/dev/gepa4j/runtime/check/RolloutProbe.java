package dev.gepa4j.runtime.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.AsyncRecords;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractViolationException;
import dev.gepa4j.contract.Reward;
import dev.gepa4j.contract.RewardRule;
import dev.gepa4j.contract.RolloutMapping;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.runtime.container.SubmissionMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A rollout as the check runs it, in the container's mode: sync (200 and the result, which must echo the request's
 * rollout_id) or async (202 and a queued record naming its id, polled at {@code GET /rollouts/{id}} until terminal).
 * Uses the public alias {@code /rollouts} when the standard route answers 404.
 */
final class RolloutProbe {
    private final CheckHttp http;
    private final SubmissionMode mode;
    private final Duration pollInterval;
    private final Duration timeout;
    private String route;

    RolloutProbe(CheckHttp http, String route, SubmissionMode mode, Duration pollInterval, Duration timeout) {
        this.http = http;
        this.route = route;
        this.mode = mode;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** The request body in this mode. */
    byte[] body(RolloutRequest request, String split) {
        return RolloutMapping.writeRequest(request, split, mode == SubmissionMode.ASYNC ? "async" : null);
    }

    /** POSTs a body to the rollout route (or its alias), answer as sent. */
    CheckHttp.Answer post(byte[] body) {
        CheckHttp.Answer answer = http.post(route, body);
        if (answer.status() == 404 && route.equals("/rollout")) {
            CheckHttp.Answer alias = http.post("/rollouts", body);
            if (alias.status() != 404) {
                route = "/rollouts";
                return alias;
            }
        }
        return answer;
    }

    /** Runs the request and returns its reward; {@code note} receives what to show for a passed check. */
    Reward run(RolloutRequest request, String split, Consumer<String> note) {
        CheckHttp.Answer answer = post(body(request, split));
        JsonNode first = read(route, answer, JsonNode.class);
        boolean queued = answer.status() == 202 || AsyncRecords.waiting(first);
        if (mode != SubmissionMode.ASYNC) {
            if (queued) {
                throw new CheckFailure(route + " answered HTTP " + answer.status() + " with a queued record to a "
                        + "sync request: answer sync requests with the result, or declare only \"async\" in "
                        + "/metadata capabilities.rollout_modes so clients poll");
            }
            RolloutResponseDoc doc = convert(route, first);
            if (!request.rolloutId().equals(doc.rolloutId())) {
                throw new CheckFailure(route + " answered rollout_id " + CheckSteps.quote(doc.rolloutId())
                        + " for request " + CheckSteps.quote(request.rolloutId())
                        + ": echo the request's rollout_id in the response");
            }
            return reward(route, doc, note, "");
        }
        if (!queued) {
            return reward(route, convert(route, first), note, " (answered at once, not queued)");
        }
        String id = AsyncRecords.rolloutId(first);
        if (id == null) {
            throw new CheckFailure(route + " answered HTTP " + answer.status() + " (queued) without a rollout_id: "
                    + "a queued rollout must name its id in rollout_id, so it can be polled at GET /rollouts/{id}");
        }
        String pollRoute = "/rollouts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        int polls = 0;
        while (true) {
            sleep(pollInterval);
            polls++;
            JsonNode record = read(pollRoute, http.get(pollRoute), JsonNode.class);
            if (AsyncRecords.cancelled(record)) {
                throw new CheckFailure(pollRoute + " says the rollout was cancelled before it finished: run it to the "
                        + "end unless POST " + pollRoute + "/terminate asks otherwise");
            }
            if (!AsyncRecords.waiting(record)) {
                if (AsyncRecords.status(record).isEmpty()) {
                    throw new CheckFailure(pollRoute + " answered a record without a status: give every record a "
                            + "status (queued, running, completed, failed or cancelled)");
                }
                RolloutResponseDoc doc;
                try {
                    doc = AsyncRecords.result(record, request.rolloutId());
                } catch (ContractViolationException e) {
                    throw new CheckFailure(pollRoute + ": " + e.getMessage());
                }
                return reward(pollRoute, doc, note, " (queued as " + CheckSteps.quote(id) + ", " + polls
                        + (polls == 1 ? " poll)" : " polls)"));
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new CheckFailure(pollRoute + " still says " + CheckSteps.quote(AsyncRecords.status(record))
                        + " after " + timeout.toSeconds() + " s: finish rollouts sooner, or raise --timeout");
            }
        }
    }

    private static Reward reward(String where, RolloutResponseDoc doc, Consumer<String> note, String suffix) {
        try {
            Reward r = RewardRule.require(doc);
            note.accept("reward " + r.value() + " from " + r.source() + suffix);
            return r;
        } catch (ContractViolationException e) {
            throw new CheckFailure(where + ": " + e.getMessage());
        }
    }

    private static RolloutResponseDoc convert(String route, JsonNode tree) {
        try {
            return ContractCodec.convert(tree, RolloutResponseDoc.class);
        } catch (ContractViolationException e) {
            throw new CheckFailure(route + " answered a body that breaks the contract: " + e.getMessage());
        }
    }

    /** A 2xx JSON body as {@code type}; anything else is a failed check naming the route. */
    static <T> T read(String route, CheckHttp.Answer answer, Class<T> type) {
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new CheckFailure(route + " answered HTTP " + answer.status() + " (" + answer.snippet()
                    + "): it must answer 200 with a JSON body");
        }
        try {
            return ContractCodec.read(answer.body(), type);
        } catch (ContractViolationException e) {
            throw new CheckFailure(route + " answered a body that breaks the contract: " + e.getMessage()
                    + " (body starts: " + answer.snippet() + ")");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailure("interrupted while polling an async rollout");
        }
    }
}
