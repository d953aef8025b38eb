package io.synapse.plugins.pipeline.jdbc;

import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.RunStatus;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rows of the store's tables as records. */
final class RunRows {
  static final String SELECT_RUN = "SELECT run_id, plugin, pipeline, kind, mode, status, initial_params, masked_keys, result, error,"
      + " created_at, updated_at, owner, lease_until, cancel_requested, job_id FROM pipeline_runs";
  static final String SELECT_ACTIONS = "SELECT action_index, action, status, progress, params, result, accumulated, error, started_at,"
      + " finished_at, attempts FROM pipeline_actions WHERE run_id = ? ORDER BY action_index";

  private RunRows() {}

  static RunRecord run(ResultSet rows, List<ActionRecord> actions) throws SQLException {
    Map<String, Object> initial = JsonColumns.readMap(rows.getString("initial_params"));
    return new RunRecord(rows.getString("run_id"), rows.getString("plugin"), rows.getString("pipeline"), rows.getString("kind"),
        rows.getString("mode"), RunStatus.of(rows.getString("status")), initial == null ? Map.of() : initial,
        JsonColumns.readStrings(rows.getString("masked_keys")), JsonColumns.read(rows.getString("result")),
        JsonColumns.readMap(rows.getString("error")), instant(rows, "created_at"), instant(rows, "updated_at"), rows.getString("owner"),
        instant(rows, "lease_until"), rows.getInt("cancel_requested") != 0, rows.getString("job_id"), actions);
  }

  static RunRecord withActions(RunRecord run, List<ActionRecord> actions) {
    return new RunRecord(run.runId(), run.plugin(), run.pipeline(), run.kind(), run.mode(), run.status(), run.initialParams(),
        run.maskedKeys(), run.result(), run.error(), run.createdAt(), run.updatedAt(), run.owner(), run.leaseUntil(),
        run.cancelRequested(), run.jobId(), actions);
  }

  static ActionRecord action(ResultSet rows) throws SQLException {
    return new ActionRecord(rows.getInt("action_index"), rows.getString("action"), ActionStatus.of(rows.getString("status")),
        rows.getDouble("progress"), JsonColumns.readMap(rows.getString("params")), JsonColumns.read(rows.getString("result")),
        JsonColumns.readMap(rows.getString("accumulated")), JsonColumns.readMap(rows.getString("error")), instant(rows, "started_at"),
        instant(rows, "finished_at"), rows.getInt("attempts"));
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
