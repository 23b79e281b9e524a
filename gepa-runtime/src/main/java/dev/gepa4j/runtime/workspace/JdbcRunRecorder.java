package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.UsageEntry;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one run of a workspace (sqlite or PostgreSQL: the statements are the same). Every method returns after its
 * transaction committed.
 *
 * <p>The run's own cache keys (and the payloads of its candidates) are held in memory, loaded when the recorder
 * opens, so {@link #findInRun} answers a miss without touching the database; the shared cache ({@link #findAnyRun})
 * asks the workspace's {@link KnownKeys} first and queries only for a key some run may hold; where several processes
 * write, it goes through the workspace's {@link RolloutLeases}, so a key another process is executing is waited for
 * rather than executed twice.
 */
final class JdbcRunRecorder implements RunRecorder {
    private final String runId;
    private final GroupCommitWriter writer;
    private final JdbcWorkspaceReader reader;
    private final KnownKeys cacheKeys;
    private final RolloutLeases leases;
    /** Keys found in another run's row and not yet appended: the run the cached row will name. */
    private final ConcurrentHashMap<String, String> sources = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> ownKeys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, String>> payloads = new ConcurrentHashMap<>();
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final ConcurrentHashMap<String, List<RolloutResult>> errors = new ConcurrentHashMap<>();

    JdbcRunRecorder(String runId, GroupCommitWriter writer, JdbcWorkspaceReader reader, KnownKeys cacheKeys,
                    RolloutLeases leases) {
        this.runId = runId;
        this.writer = writer;
        this.reader = reader;
        this.cacheKeys = cacheKeys;
        this.leases = leases;
        reader.list("SELECT cache_key, seq, cached, attempts FROM rollouts WHERE run_id = ? AND status <> 'error' "
                + "ORDER BY seq", ps -> ps.setString(1, runId), rs -> {
                    ownKeys.putIfAbsent(rs.getString(1), rs.getLong(2));
                    used.incrementAndGet();
                    calls.addAndGet(rs.getInt(4));
                    if (rs.getInt(3) == 0) {
                        executed.incrementAndGet();
                    }
                    return null;
                });
        reader.list("SELECT attempts FROM rollouts WHERE run_id = ? AND status = 'error'",
                ps -> ps.setString(1, runId), rs -> calls.addAndGet(rs.getInt(1)));
        reader.candidates(runId).forEach(c -> payloads.put(c.candidate().id(), c.candidate().components()));
    }

    @Override
    public RunInfo info() {
        return reader.run(runId).orElseThrow(() -> new WorkspaceException("run " + runId + " vanished from the "
                + "workspace: was the file replaced while the run was open?"));
    }

    @Override
    public void append(Stage stage, String cacheKey, RolloutResult result) {
        if (result.cached() && ownKeys.containsKey(cacheKey)) {
            return; // already a row of this run (adopted by findAnyRun)
        }
        Instant now = Instant.now();
        String cachedFrom = result.cached() ? sources.remove(cacheKey) : null;
        long seq = writer.write(s -> {
            if (result.measured()) {
                cacheKeys.add(cacheKey); // before COMMIT: no moment when the row is committed but the key unknown
            }
            leases.releaseWithin(s, cacheKey); // the row appears exactly when the lease goes
            return RolloutRows.insert(s.of(RolloutRows.INSERT), runId, stage, cacheKey, result, cachedFrom, now);
        });
        calls.addAndGet(result.attempts());
        if (result.measured()) {
            ownKeys.putIfAbsent(cacheKey, seq);
            used.incrementAndGet();
            if (!result.cached()) {
                executed.incrementAndGet();
            }
        } else {
            noteError(cacheKey, result);
        }
    }

    private void noteError(String cacheKey, RolloutResult error) {
        errors.compute(cacheKey, (k, list) -> {
            List<RolloutResult> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
            out.add(error);
            return List.copyOf(out);
        });
    }

    @Override
    public Optional<RolloutResult> findInRun(String cacheKey) {
        Long seq = ownKeys.get(cacheKey);
        if (seq == null) {
            return Optional.empty();
        }
        return reader.list(RolloutRows.SELECT + "WHERE run_id = ? AND seq = ?", ps -> {
            ps.setString(1, runId);
            ps.setLong(2, seq);
        }, RolloutRows::read).stream().findFirst().map(r -> r.result());
    }

    /**
     * A row of this run that {@link #findInRun} did not know (one the run's killed process committed but sqlite only
     * showed after WAL recovery) is adopted into the run's journal here, so {@link #append} does not store it twice.
     * Empty means: no run holds the key, and (on a shared workspace) this process now holds its lease and should
     * execute it.
     */
    @Override
    public Optional<RolloutResult> findAnyRun(String cacheKey) {
        if (!cacheKeys.mayHold(cacheKey)) {
            return Optional.empty();
        }
        Optional<RolloutRecord> found = leases.resultOrLease(cacheKey, runId, () -> stored(cacheKey));
        found.filter(r -> !r.runId().equals(runId)).ifPresent(other -> sources.put(cacheKey, other.runId()));
        found.filter(r -> r.runId().equals(runId)).ifPresent(own -> {
            if (ownKeys.putIfAbsent(cacheKey, own.seq()) == null) {
                used.incrementAndGet();
                calls.addAndGet(own.result().attempts());
                if (!own.result().cached()) {
                    executed.incrementAndGet();
                }
            }
        });
        return found.map(RolloutRecord::result);
    }

    /** A measured row with the key, this run's first. */
    private Optional<RolloutRecord> stored(String cacheKey) {
        return reader.list(RolloutRows.SELECT
                + "WHERE cache_key = ? AND status <> 'error' ORDER BY run_id = ? DESC LIMIT 1", ps -> {
                    ps.setString(1, cacheKey);
                    ps.setString(2, runId);
                }, RolloutRows::read).stream().findFirst();
    }

    /** Gives back a lease {@link #findAnyRun} took for a rollout that was never appended (the batch stopped). */
    @Override
    public void settled(String cacheKey) {
        leases.settled(cacheKey);
    }

    @Override
    public long executedInRun() {
        return executed.get();
    }

    @Override
    public long usedInRun() {
        return used.get();
    }

    @Override
    public long containerCallsInRun() {
        return calls.get();
    }

    @Override
    public List<RolloutResult> errorsInRun(String cacheKey) {
        return errors.getOrDefault(cacheKey, List.of());
    }

    @Override
    public void registerCandidate(Candidate candidate) {
        if (payloads.containsKey(candidate.id())) {
            return;
        }
        Map<String, String> diffs = Map.of();
        if (!candidate.parentIds().isEmpty()) {
            String parentId = candidate.parentIds().getFirst();
            Map<String, String> parent = payloads.get(parentId);
            if (parent == null) {
                throw new WorkspaceException("candidate " + candidate.id() + " names parent " + parentId
                        + " which run " + runId + " has not registered: register parents before their children");
            }
            diffs = CandidateDiffs.against(parent, candidate.components());
        }
        String diffsJson = JsonColumns.write(diffs);
        Instant now = Instant.now();
        writer.write(s -> {
            PreparedStatement ps = s.of("INSERT INTO candidates (run_id, candidate_id, idx, payload_json, "
                    + "parents_json, origin, diffs_json, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING");
            ps.setString(1, runId);
            ps.setString(2, candidate.id());
            ps.setInt(3, candidate.index());
            ps.setString(4, JsonColumns.write(candidate.components()));
            ps.setString(5, JsonColumns.write(candidate.parentIds()));
            ps.setString(6, candidate.origin());
            ps.setString(7, diffsJson);
            ps.setString(8, now.toString());
            return ps.executeUpdate();
        });
        payloads.putIfAbsent(candidate.id(), candidate.components());
    }

    @Override
    public Map<String, String> diffOf(String candidateId) {
        List<String> rows = reader.list("SELECT diffs_json FROM candidates WHERE run_id = ? AND candidate_id = ?",
                ps -> {
                    ps.setString(1, runId);
                    ps.setString(2, candidateId);
                }, rs -> rs.getString(1));
        if (rows.isEmpty()) {
            throw new WorkspaceException("run " + runId + " has no candidate " + candidateId
                    + ": register it before asking for its diff");
        }
        return JsonColumns.textMap(rows.getFirst());
    }

    @Override
    public void recordProposal(ProposalRecord p) {
        Instant now = Instant.now();
        writer.write(s -> {
            PreparedStatement ps = s.of("INSERT INTO proposals (run_id, seq, proposer, parents_json, input, "
                    + "raw_output, drafts_json, prompt_tokens, completion_tokens, total_tokens, cost_usd, error, "
                    + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
            ps.setString(1, runId);
            ps.setInt(2, p.seq());
            ps.setString(3, p.proposer());
            ps.setString(4, JsonColumns.write(p.parentIds()));
            ps.setString(5, p.input() == null ? "" : p.input());
            ps.setString(6, p.rawOutput() == null ? "" : p.rawOutput());
            ps.setString(7, JsonColumns.write(p.drafts()));
            ps.setLong(8, p.usage().promptTokens());
            ps.setLong(9, p.usage().completionTokens());
            ps.setLong(10, p.usage().totalTokens());
            ps.setDouble(11, p.usage().costUsd());
            ps.setString(12, p.error());
            ps.setString(13, now.toString());
            return ps.executeUpdate();
        });
    }

    @Override
    public Optional<ProposalRecord> proposal(int seq) {
        return reader.list(JdbcWorkspaceReader.PROPOSAL_SELECT + "WHERE run_id = ? AND seq = ?", ps -> {
            ps.setString(1, runId);
            ps.setInt(2, seq);
        }, JdbcWorkspaceReader::proposal).stream().findFirst();
    }

    @Override
    public void recordDecision(DecisionRecord d) {
        writer.write(s -> {
            PreparedStatement ps = s.of("INSERT INTO decisions (run_id, proposal_seq, candidate_id, parent_id, stage, "
                    + "accepted, reason, parent_score, child_score, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING");
            ps.setString(1, runId);
            ps.setInt(2, d.proposalSeq());
            ps.setString(3, d.candidateId());
            ps.setString(4, d.parentId());
            ps.setString(5, d.stage());
            ps.setInt(6, d.accepted() ? 1 : 0);
            ps.setString(7, d.reason() == null ? "" : d.reason());
            setNullable(ps, 8, d.parentScore());
            setNullable(ps, 9, d.childScore());
            ps.setString(10, (d.decidedAt() == null ? Instant.now() : d.decidedAt()).toString());
            return ps.executeUpdate();
        });
    }

    @Override
    public void recordEvent(EventRecord e) {
        writer.write(s -> {
            PreparedStatement ps = s.of("INSERT INTO events (run_id, seq, at, type, message, fields_json) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
            ps.setString(1, runId);
            ps.setLong(2, e.seq());
            ps.setString(3, (e.at() == null ? Instant.now() : e.at()).toString());
            ps.setString(4, e.type());
            ps.setString(5, e.message() == null ? "" : e.message());
            ps.setString(6, JsonColumns.write(e.fields()));
            return ps.executeUpdate();
        });
    }

    @Override
    public void recordUsage(UsageEntry u) {
        Instant now = Instant.now();
        writer.write(s -> {
            PreparedStatement ps = s.of("INSERT INTO usage_ledger (run_id, source, model, ref, prompt_tokens, "
                    + "completion_tokens, total_tokens, cost_usd, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, runId);
            ps.setString(2, u.source());
            ps.setString(3, u.model() == null ? "" : u.model());
            ps.setString(4, u.ref());
            ps.setLong(5, u.usage().promptTokens());
            ps.setLong(6, u.usage().completionTokens());
            ps.setLong(7, u.usage().totalTokens());
            ps.setDouble(8, u.usage().costUsd());
            ps.setString(9, now.toString());
            return ps.executeUpdate();
        });
    }

    @Override
    public void finish(RunStatus status, String stopReason) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("finish needs a final status (finished, stopped or failed), not running");
        }
        Instant now = Instant.now();
        writer.write(s -> {
            PreparedStatement ps = s.of("UPDATE runs SET status = ?, stop_reason = ?, finished_at = ? WHERE run_id = ?");
            ps.setString(1, status.label());
            ps.setString(2, stopReason);
            ps.setString(3, now.toString());
            ps.setString(4, runId);
            return ps.executeUpdate();
        });
    }

    private static void setNullable(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}
