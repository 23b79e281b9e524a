package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.workspace.CandidateRecord;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.WorkspaceReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read-only view of a workspace, sqlite or PostgreSQL, over pooled connections: the queries are the same for
 * both. Sees every committed write, including those of another process. Thread-safe.
 */
public final class JdbcWorkspaceReader implements WorkspaceReader {
    private final ReadPool reads;

    JdbcWorkspaceReader(ReadPool reads) {
        this.reads = reads;
    }

    @Override
    public List<RunInfo> runs() {
        return list("SELECT * FROM runs ORDER BY started_at, run_id", ps -> { }, JdbcWorkspaceReader::runInfo);
    }

    @Override
    public Optional<RunInfo> run(String runId) {
        return list("SELECT * FROM runs WHERE run_id = ?", ps -> ps.setString(1, runId),
                JdbcWorkspaceReader::runInfo).stream().findFirst();
    }

    @Override
    public List<CandidateRecord> candidates(String runId) {
        return list("SELECT candidate_id, idx, " + OversizedValues.guarded("payload_json") + ", parents_json, origin, "
                + OversizedValues.guarded("diffs_json")
                + ", registered_at FROM candidates WHERE run_id = ? ORDER BY idx",
                ps -> ps.setString(1, runId),
                rs -> new CandidateRecord(new Candidate(rs.getString("candidate_id"), rs.getInt("idx"),
                        new TreeMap<>(textMapOrExplanation(rs.getString("payload_json"), "payload_json")),
                        JsonColumns.textList(rs.getString("parents_json")), rs.getString("origin")),
                        textMapOrExplanation(rs.getString("diffs_json"), "diffs_json"),
                        Instant.parse(rs.getString("registered_at"))));
    }

    @Override
    public List<RolloutRecord> rollouts(String runId, long afterSeq) {
        return list(RolloutRows.SELECT + "WHERE run_id = ? AND seq > ? ORDER BY seq", ps -> {
            ps.setString(1, runId);
            ps.setLong(2, afterSeq);
        }, RolloutRows::read);
    }

    @Override
    public List<ProposalRecord> proposals(String runId) {
        return list(PROPOSAL_SELECT + "WHERE run_id = ? ORDER BY seq", ps -> ps.setString(1, runId),
                JdbcWorkspaceReader::proposal);
    }

    @Override
    public List<DecisionRecord> decisions(String runId) {
        return list("SELECT * FROM decisions WHERE run_id = ? ORDER BY id", ps -> ps.setString(1, runId),
                rs -> new DecisionRecord(rs.getInt("proposal_seq"), rs.getString("candidate_id"),
                        rs.getString("parent_id"), rs.getString("stage"), rs.getInt("accepted") != 0,
                        rs.getString("reason"), nullableDouble(rs, "parent_score"), nullableDouble(rs, "child_score"),
                        Instant.parse(rs.getString("decided_at"))));
    }

    @Override
    public List<EventRecord> events(String runId, long afterSeq) {
        return list("SELECT seq, at, type, " + OversizedValues.guarded("message") + ", "
                + OversizedValues.guarded("fields_json") + " FROM events WHERE run_id = ? AND seq > ? ORDER BY seq",
                ps -> {
            ps.setString(1, runId);
            ps.setLong(2, afterSeq);
        }, rs -> new EventRecord(rs.getLong("seq"), Instant.parse(rs.getString("at")), rs.getString("type"),
                OversizedValues.text("message", rs.getString("message")),
                textMapOrExplanation(rs.getString("fields_json"), "fields_json")));
    }

    /**
     * Usage ledger totals of a source. The policy's tokens are also counted from the run's executed rollouts (each
     * rollout row carries the usage the container reported; cache hits spent nothing), so policy usage is complete
     * whether or not anyone wrote ledger lines for it.
     */
    @Override
    public Usage usage(String runId, String source) {
        Usage ledger = list("SELECT COALESCE(SUM(prompt_tokens),0), COALESCE(SUM(completion_tokens),0), "
                + "COALESCE(SUM(total_tokens),0), COALESCE(SUM(cost_usd),0) FROM usage_ledger "
                + "WHERE run_id = ? AND source = ?", ps -> {
                    ps.setString(1, runId);
                    ps.setString(2, source);
                }, rs -> new Usage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4))).getFirst();
        if (!"policy".equals(source)) {
            return ledger;
        }
        Usage rollouts = list("SELECT COALESCE(SUM(prompt_tokens),0), COALESCE(SUM(completion_tokens),0), "
                + "COALESCE(SUM(total_tokens),0), COALESCE(SUM(cost_usd),0) FROM rollouts "
                + "WHERE run_id = ? AND cached = 0", ps -> ps.setString(1, runId),
                rs -> new Usage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4))).getFirst();
        return ledger.plus(rollouts);
    }

    /**
     * How many of the run's cached rollouts reused the row of each other run (run id to count), from the
     * {@code cached_from} column; the test split is counted apart, as in the run's other rollout counts (so these add
     * up to at most its cached rollouts), and rows written before schema version 4 name no run.
     */
    @Override
    public Map<String, Long> cachedFrom(String runId) {
        Map<String, Long> out = new TreeMap<>();
        list("SELECT cached_from, COUNT(*) FROM rollouts WHERE run_id = ? AND cached <> 0 AND cached_from IS NOT NULL "
                + "AND cached_from <> run_id AND split <> 'test' GROUP BY cached_from", ps -> ps.setString(1, runId),
                rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Runs a query on a pooled connection (the sqlite workspace's integrity check). */
    <T> T read(ReadConnections.Query<T> query) {
        return reads.read(query);
    }

    /** The proposal columns, each that can hold model or agent output guarded against oversized values. */
    static final String PROPOSAL_SELECT = "SELECT seq, proposer, parents_json, " + OversizedValues.guarded("input")
            + ", " + OversizedValues.guarded("raw_output") + ", " + OversizedValues.guarded("drafts_json")
            + ", prompt_tokens, completion_tokens, total_tokens, cost_usd, " + OversizedValues.guarded("error")
            + " FROM proposals ";

    /**
     * A proposal row; an oversized value (from an older version) reads as an explanation, its drafts as none, and
     * the explanation becomes the proposal's error, so the run says what is wrong instead of failing to load.
     */
    static ProposalRecord proposal(ResultSet rs) throws SQLException {
        String drafts = rs.getString("drafts_json");
        String problem = null;
        for (String column : List.of("input", "raw_output", "drafts_json", "error")) {
            String v = column.equals("drafts_json") ? drafts : rs.getString(column);
            if (OversizedValues.isOversized(v) && problem == null) {
                problem = "proposal " + rs.getInt("seq") + ": " + OversizedValues.explain(column, v);
            }
        }
        String error = OversizedValues.text("error", rs.getString("error"));
        return new ProposalRecord(rs.getInt("seq"), rs.getString("proposer"),
                JsonColumns.textList(rs.getString("parents_json")),
                OversizedValues.text("input", rs.getString("input")),
                OversizedValues.text("raw_output", rs.getString("raw_output")),
                OversizedValues.isOversized(drafts) ? List.of() : JsonColumns.mapList(drafts),
                new Usage(rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"), rs.getLong("total_tokens"),
                        rs.getDouble("cost_usd")),
                problem == null ? error : problem + (error == null || OversizedValues.isOversized(rs.getString("error"))
                        ? "" : "; " + error));
    }

    /** A stored text map; an oversized one reads as a single {@code "(oversized)"} entry explaining it. */
    private static Map<String, String> textMapOrExplanation(String json, String column) {
        return OversizedValues.isOversized(json) ? Map.of("(oversized)", OversizedValues.explain(column, json))
                : JsonColumns.textMap(json);
    }

    static RunInfo runInfo(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        return new RunInfo(rs.getString("run_id"), rs.getString("task"), rs.getString("config_text"),
                rs.getLong("seed"), rs.getString("mode"), rs.getLong("rollout_budget"),
                RunStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("stop_reason"),
                Instant.parse(rs.getString("started_at")), finished == null ? null : Instant.parse(finished));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        return reads.read(session -> {
            PreparedStatement ps = session.prepared(sql);
            ps.clearParameters();
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        });
    }
}
