package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.UsageEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A run recorder in memory, with the idempotency rules of the RunRecorder contract; survives a "process" restart. */
final class InMemoryRecorder implements RunRecorder {
    record JournalRow(Stage stage, String key, RolloutResult result) {
    }

    final Map<String, Candidate> candidates = new LinkedHashMap<>();
    final Map<Integer, ProposalRecord> proposals = new TreeMap<>();
    final Map<String, DecisionRecord> decisions = new LinkedHashMap<>();
    final Map<Long, EventRecord> events = new TreeMap<>();
    final List<UsageEntry> usage = new ArrayList<>();
    final List<JournalRow> journal = new ArrayList<>();
    RunStatus status = RunStatus.RUNNING;
    String stopReason;

    @Override
    public synchronized RunInfo info() {
        return new RunInfo("run-1", "fake", "", 7, "serial", 0, status, stopReason, Instant.EPOCH, null);
    }

    @Override
    public synchronized void registerCandidate(Candidate candidate) {
        candidates.putIfAbsent(candidate.id(), candidate);
    }

    @Override
    public synchronized Map<String, String> diffOf(String candidateId) {
        Candidate c = candidates.get(candidateId);
        if (c == null || c.parentIds().isEmpty()) {
            return Map.of();
        }
        Candidate p = candidates.get(c.parentIds().get(0));
        Map<String, String> diff = new TreeMap<>();
        c.components().forEach((f, text) -> {
            if (!text.equals(p.components().get(f))) {
                diff.put(f, "-" + p.components().get(f) + "\n+" + text);
            }
        });
        return diff;
    }

    @Override
    public synchronized void recordProposal(ProposalRecord proposal) {
        proposals.putIfAbsent(proposal.seq(), proposal);
    }

    @Override
    public synchronized Optional<ProposalRecord> proposal(int seq) {
        return Optional.ofNullable(proposals.get(seq));
    }

    @Override
    public synchronized void recordDecision(DecisionRecord d) {
        decisions.putIfAbsent(d.proposalSeq() + "/" + d.candidateId() + "/" + d.stage(), d);
    }

    @Override
    public synchronized void recordEvent(EventRecord event) {
        events.putIfAbsent(event.seq(), event);
    }

    @Override
    public synchronized void recordUsage(UsageEntry entry) {
        usage.add(entry);
    }

    @Override
    public synchronized void finish(RunStatus s, String reason) {
        status = s;
        stopReason = reason;
    }

    @Override
    public synchronized void append(Stage stage, String cacheKey, RolloutResult result) {
        journal.add(new JournalRow(stage, cacheKey, result));
    }

    @Override
    public synchronized Optional<RolloutResult> findInRun(String cacheKey) {
        return journal.stream().filter(r -> r.key().equals(cacheKey) && r.result().measured()).map(JournalRow::result)
                .findFirst();
    }

    @Override
    public Optional<RolloutResult> findAnyRun(String cacheKey) {
        return findInRun(cacheKey);
    }

    @Override
    public synchronized long executedInRun() {
        return journal.stream().filter(r -> !r.result().cached() && r.result().measured()).count();
    }

    @Override
    public synchronized long usedInRun() {
        return journal.stream().filter(r -> r.result().measured()).count();
    }

    @Override
    public synchronized long containerCallsInRun() {
        return journal.stream().mapToLong(r -> r.result().attempts()).sum();
    }

    @Override
    public synchronized List<RolloutResult> errorsInRun(String cacheKey) {
        return journal.stream().filter(r -> r.key().equals(cacheKey) && !r.result().measured())
                .map(JournalRow::result).toList();
    }

    synchronized List<EventRecord> eventsOfType(String type) {
        return events.values().stream().filter(e -> e.type().equals(type)).toList();
    }
}
