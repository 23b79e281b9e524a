package dev.gepa4j.sdk;

import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractMapping;
import dev.gepa4j.contract.ContractViolationException;
import dev.gepa4j.contract.RolloutMapping;
import dev.gepa4j.contract.wire.DatasetRowsRequest;
import dev.gepa4j.contract.wire.DatasetRowsResponse;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TaskHandler} seen by the optimizer as a {@link TaskContainer}, with no HTTP in between: what the library
 * API runs on. Every exchange still goes through the contract's documents and the same validation, idempotency and
 * failure handling as {@link ContainerServer} (a handler exception becomes a failed result with the error in the
 * trace), so a task gives the same rows, rewards and traces in-process as it does served over HTTP.
 *
 * <p>{@code containerSplits} maps each data role to the handler's split name, as
 * {@code [container] train_split} and friends do for an HTTP container. Thread-safe when the handler is.
 */
public final class InProcessContainer implements TaskContainer {
    private final TaskHandler handler;
    private final String name;
    private final Map<Split, String> containerSplits;
    private final ProgramSpec program;
    private final TaskInfo taskInfo;
    private final DatasetInfo dataset;
    private final RolloutService rollouts;

    /**
     * Reads the handler's program, task info and data set once, through the contract's documents.
     *
     * @param name            how logs and the workspace name this container (e.g. {@code in-process:my-task})
     * @param containerSplits the handler's split name for every {@link Split}
     * @throws IllegalArgumentException when a split is not mapped, or the program breaks the contract
     */
    public InProcessContainer(TaskHandler handler, String name, Map<Split, String> containerSplits) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.name = Objects.requireNonNull(name, "name");
        for (Split s : Split.values()) {
            if (containerSplits.get(s) == null) {
                throw new IllegalArgumentException("no container split is named for the " + s.label() + " role");
            }
        }
        this.containerSplits = Map.copyOf(containerSplits);
        try {
            this.program = ContractMapping.toProgramSpec(ContractCodec.read(ContractCodec.write(
                    ContractMapping.toProgramResponse(handler.program(), null)),
                    dev.gepa4j.contract.wire.ProgramResponse.class));
        } catch (ContractViolationException e) {
            throw new IllegalArgumentException("the task's program breaks the contract: " + e.getMessage(), e);
        }
        this.taskInfo = ContractMapping.toTaskInfo(ContractMapping.toTaskInfoResponse(handler.taskInfo(), null));
        this.dataset = ContractMapping.toDatasetInfo(ContractMapping.toDatasetResponse(handler.dataset()));
        this.rollouts = new RolloutService(handler, handler.program(), ServerOptions.defaults().rememberedRollouts());
    }

    @Override
    public String endpoint() {
        return name;
    }

    /** Nothing to reach: the program, task info and data set were read when this was made. */
    @Override
    public void preflight() {
    }

    @Override
    public ProgramSpec program() {
        return program;
    }

    @Override
    public TaskInfo taskInfo() {
        return taskInfo;
    }

    @Override
    public DatasetInfo dataset() {
        return dataset;
    }

    @Override
    public List<DatasetRow> rows(Split split, List<Long> seeds) {
        if (seeds.isEmpty()) {
            return List.of();
        }
        byte[] answer;
        try {
            answer = ContainerServer.rows(handler,
                    ContractCodec.write(DatasetRowsRequest.of(containerSplits.get(split), seeds)));
        } catch (ClientMistake e) {
            throw new NonRetriableContainerException(name, e.status(), name + " rows: " + e.getMessage(), false, e);
        }
        try {
            return ContractMapping.toRows(split, seeds, ContractCodec.read(answer, DatasetRowsResponse.class));
        } catch (ContractViolationException e) {
            throw NonRetriableContainerException.contractViolation(name, name + " rows: " + e.getMessage());
        }
    }

    @Override
    public RolloutResult rollout(RolloutRequest request) {
        byte[] body = RolloutMapping.writeRequest(request, containerSplits.get(request.row().ref().split()));
        long started = System.nanoTime();
        byte[] answer;
        try {
            answer = rollouts.handle(body);
        } catch (ClientMistake e) {
            throw new NonRetriableContainerException(name, e.status(), name + " rollout: " + e.getMessage(), false,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.gepa4j.core.container.RetriableContainerException(name, 0, "interrupted while running a "
                    + "rollout in-process", null, e);
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        try {
            return RolloutMapping.toResult(request, ContractCodec.read(answer, RolloutResponseDoc.class), latencyMs,
                    1, name);
        } catch (ContractViolationException e) {
            throw NonRetriableContainerException.contractViolation(name, name + " rollout: " + e.getMessage());
        }
    }

    /** Nothing to release: the handler belongs to the caller. */
    @Override
    public void close() {
    }
}
