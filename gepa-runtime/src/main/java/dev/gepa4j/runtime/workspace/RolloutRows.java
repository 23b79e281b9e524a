package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RolloutRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/** The {@code rollouts} table to and from {@link RolloutRecord}. */
final class RolloutRows {
    static final String COLUMNS = "run_id, seq, stage, cache_key, rollout_id, candidate_id, example_id, split, seed, "
            + "reward, status, output, verifier_json, trace_json, prompt_tokens, completion_tokens, total_tokens, "
            + "cost_usd, latency_ms, attempts, endpoint, cached, error, finished_at";

    static final String SELECT = "SELECT " + COLUMNS + " FROM rollouts ";

    /** seq is the run's next number, computed inside the writer's transaction (so a replayed group stays dense). */
    static final String INSERT = "INSERT INTO rollouts (" + COLUMNS + ", cached_from) VALUES (?, "
            + "(SELECT COALESCE(MAX(seq), 0) + 1 FROM rollouts WHERE run_id = ?), "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq";

    private RolloutRows() {
    }

    /** @param cachedFrom for a cached row, the run whose row it reused (null when unknown or executed here) */
    static long insert(PreparedStatement ps, String runId, Stage stage, String cacheKey, RolloutResult r,
                       String cachedFrom, Instant at) throws SQLException {
        int i = 1;
        ps.setString(i++, runId);
        ps.setString(i++, runId);
        ps.setString(i++, stage.label());
        ps.setString(i++, cacheKey);
        ps.setString(i++, r.rolloutId());
        ps.setString(i++, r.candidateId());
        ps.setString(i++, r.example().exampleId());
        ps.setString(i++, r.example().split().label());
        ps.setLong(i++, r.example().seed());
        if (r.measured()) {
            ps.setDouble(i++, r.reward());
        } else {
            ps.setNull(i++, java.sql.Types.DOUBLE); // an error measured nothing: its reward is unknown, not 0
        }
        ps.setString(i++, r.status().name().toLowerCase(Locale.ROOT));
        ps.setString(i++, r.output());
        ps.setString(i++, JsonColumns.verifier(r.verifier()));
        ps.setString(i++, r.traceJson());
        ps.setLong(i++, r.usage().promptTokens());
        ps.setLong(i++, r.usage().completionTokens());
        ps.setLong(i++, r.usage().totalTokens());
        ps.setDouble(i++, r.usage().costUsd());
        ps.setLong(i++, r.latencyMs());
        ps.setInt(i++, r.attempts());
        ps.setString(i++, r.endpoint() == null ? "" : r.endpoint());
        ps.setInt(i++, r.cached() ? 1 : 0);
        ps.setString(i++, r.error());
        ps.setString(i++, at.toString());
        ps.setString(i, cachedFrom);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Reads a row selected as {@code SELECT COLUMNS}; by index, since sqlite-jdbc resolves names per call. An ERROR
     * row's reward is stored as NULL; in memory it reads as 0 with status ERROR, which no score counts.
     */
    static RolloutRecord read(ResultSet rs) throws SQLException {
        ExampleRef ref = new ExampleRef(Split.fromLabel(rs.getString(8)), rs.getLong(9), rs.getString(7));
        Usage usage = new Usage(rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getDouble(18));
        RolloutResult result = new RolloutResult(rs.getString(5), rs.getString(6), ref,
                RolloutStatus.valueOf(rs.getString(11).toUpperCase(Locale.ROOT)), rs.getDouble(10), rs.getString(12),
                JsonColumns.verifier(rs.getString(13)), rs.getString(14), usage, rs.getLong(19), rs.getInt(20),
                rs.getString(21), rs.getInt(22) != 0, rs.getString(23));
        return new RolloutRecord(rs.getLong(2), rs.getString(1), Stage.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                rs.getString(4), result, Instant.parse(rs.getString(24)));
    }
}
