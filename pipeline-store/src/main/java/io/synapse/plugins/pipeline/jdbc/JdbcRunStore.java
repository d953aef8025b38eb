package io.synapse.plugins.pipeline.jdbc;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.RunStatus;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStore;
import io.synapse.plugins.secrets.SecretRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The run store in an SQL database: SQLite ({@code jdbc:sqlite:FILE}) or PostgreSQL
 * ({@code jdbc:postgresql://...}). Each method is one transaction on the store's one connection (taken in turn
 * by this process's threads); a connection that broke is opened again once per call. Several processes may
 * share a store: SQLite serialises their writes with its file lock, PostgreSQL with row locks, and claims are
 * compare-and-set updates.
 */
public final class JdbcRunStore implements RunStore {
  private final String url;
  private final Dialect dialect;
  private final ReentrantLock lock = new ReentrantLock();
  private Connection connection;
  private boolean closed;

  JdbcRunStore(String url, Dialect dialect) {
    this.url = url;
    this.dialect = dialect;
    call("open", c -> null);
  }

  @Override
  public String describe() {
    return SecretRule.maskCredentials(url);
  }

  /** The schema version of the database (after the migrations this store applied when opened). */
  public int schemaVersion() {
    return call("read the schema version", Migrations::currentVersion);
  }

  @Override
  public void create(RunRecord run) {
    call("record run " + run.runId(), c -> {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pipeline_runs WHERE run_id = ?")) {
        exists.setString(1, run.runId());
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            throw new PluginError("pipeline_store_error", "A pipeline run '" + run.runId() + "' exists already in " + describe(),
                Map.of("run_id", run.runId()));
          }
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO pipeline_runs (run_id, plugin, pipeline, kind, mode, status,"
          + " initial_params, masked_keys, result, error, created_at, updated_at, owner, lease_until, cancel_requested, job_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, run.runId());
        insert.setString(2, run.plugin());
        insert.setString(3, run.pipeline());
        insert.setString(4, run.kind());
        insert.setString(5, run.mode());
        insert.setString(6, run.status().value());
        insert.setString(7, JsonColumns.write(run.initialParams()));
        insert.setString(8, JsonColumns.write(run.maskedKeys()));
        insert.setString(9, JsonColumns.write(run.result()));
        insert.setString(10, JsonColumns.write(run.error()));
        insert.setLong(11, millis(run.createdAt()));
        insert.setLong(12, millis(run.updatedAt()));
        insert.setString(13, run.owner());
        setInstant(insert, 14, run.leaseUntil());
        insert.setInt(15, run.cancelRequested() ? 1 : 0);
        insert.setString(16, run.jobId());
        insert.executeUpdate();
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO pipeline_actions (run_id, action_index, action, status, progress,"
          + " attempts) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (ActionRecord action : run.actions()) {
          insert.setString(1, run.runId());
          insert.setInt(2, action.index());
          insert.setString(3, action.action());
          insert.setString(4, action.status().value());
          insert.setDouble(5, action.progress());
          insert.setInt(6, action.attempts());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Optional<RunRecord> find(String runId) {
    return call("read run " + runId, c -> {
      try (PreparedStatement select = c.prepareStatement(RunRows.SELECT_RUN + " WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(RunRows.run(rows, actions(c, runId))) : Optional.<RunRecord>empty();
        }
      }
    });
  }

  @Override
  public List<RunRecord> list(int limit) {
    return call("list runs", c -> {
      List<RunRecord> runs = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement(RunRows.SELECT_RUN + " ORDER BY created_at DESC, run_id LIMIT ?")) {
        select.setInt(1, Math.max(0, limit));
        List<String> ids = new ArrayList<>();
        List<RunRecord> partial = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString("run_id"));
            partial.add(RunRows.run(rows, List.of()));
          }
        }
        for (int i = 0; i < ids.size(); i++) {
          RunRecord run = partial.get(i);
          runs.add(RunRows.withActions(run, actions(c, ids.get(i))));
        }
      }
      return runs;
    });
  }

  @Override
  public boolean claim(String runId, String expectedOwner, String owner, Instant leaseUntil, String mode) {
    return call("claim run " + runId, c -> {
      String sql = "UPDATE pipeline_runs SET owner = ?, lease_until = ?, status = 'running', mode = ?, cancel_requested = 0, updated_at = ?"
          + " WHERE run_id = ? AND " + (expectedOwner == null ? "owner IS NULL" : "owner = ?");
      try (PreparedStatement update = c.prepareStatement(sql)) {
        update.setString(1, owner);
        setInstant(update, 2, leaseUntil);
        update.setString(3, mode);
        update.setLong(4, System.currentTimeMillis());
        update.setString(5, runId);
        if (expectedOwner != null) {
          update.setString(6, expectedOwner);
        }
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean renew(String runId, String owner, Instant leaseUntil) {
    return call("renew run " + runId, c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE pipeline_runs SET lease_until = ? WHERE run_id = ? AND owner = ?")) {
        setInstant(update, 1, leaseUntil);
        update.setString(2, runId);
        update.setString(3, owner);
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean cancelRequested(String runId) {
    return call("read run " + runId, c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT cancel_requested FROM pipeline_runs WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() && rows.getInt(1) != 0;
        }
      }
    });
  }

  @Override
  public boolean requestCancel(String runId) {
    return call("cancel run " + runId, c -> {
      try (PreparedStatement update = c.prepareStatement("UPDATE pipeline_runs SET cancel_requested = 1, updated_at = ?,"
          + " status = CASE WHEN owner IS NULL THEN 'cancelled' ELSE status END"
          + " WHERE run_id = ? AND status NOT IN ('completed', 'failed', 'cancelled')")) {
        update.setLong(1, System.currentTimeMillis());
        update.setString(2, runId);
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public void actionStarted(String runId, int index, Map<String, Object> params, Instant at) {
    update("start action " + index + " of run " + runId, runId, "UPDATE pipeline_actions SET status = 'running', progress = 0, params = ?,"
        + " result = NULL, accumulated = NULL, error = NULL, started_at = ?, finished_at = NULL, attempts = attempts + 1"
        + " WHERE run_id = ? AND action_index = ?", JsonColumns.write(params), millis(at), runId, index);
  }

  @Override
  public void actionProgress(String runId, int index, double progress) {
    update("record progress of run " + runId, null, "UPDATE pipeline_actions SET progress = ? WHERE run_id = ? AND action_index = ?",
        progress, runId, index);
  }

  @Override
  public void actionCompleted(String runId, int index, Object result, Map<String, Object> accumulated, Instant at) {
    update("complete action " + index + " of run " + runId, runId, "UPDATE pipeline_actions SET status = 'completed', progress = 1,"
        + " result = ?, accumulated = ?, error = NULL, finished_at = ? WHERE run_id = ? AND action_index = ?",
        JsonColumns.write(result), JsonColumns.write(accumulated), millis(at), runId, index);
  }

  @Override
  public void actionEnded(String runId, int index, ActionStatus status, Map<String, Object> error, Instant at) {
    update("end action " + index + " of run " + runId, runId, "UPDATE pipeline_actions SET status = ?, error = ?, finished_at = ?,"
        + " progress = CASE WHEN ? = 'skipped' THEN 1 ELSE progress END WHERE run_id = ? AND action_index = ?",
        status.value(), JsonColumns.write(error), millis(at), status.value(), runId, index);
  }

  @Override
  public void runEnded(String runId, String owner, RunStatus status, Object result, Map<String, Object> error, Instant at) {
    update("end run " + runId, null, "UPDATE pipeline_runs SET status = ?, result = ?, error = ?, owner = NULL, lease_until = NULL,"
        + " updated_at = ? WHERE run_id = ?", status.value(), JsonColumns.write(result), JsonColumns.write(error), millis(at), runId);
  }

  @Override
  public void jobSubmitted(String runId, String jobId) {
    update("record the job of run " + runId, null, "UPDATE pipeline_runs SET job_id = ?, updated_at = ? WHERE run_id = ?", jobId,
        System.currentTimeMillis(), runId);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      closeQuietly();
    } finally {
      lock.unlock();
    }
  }

  private List<ActionRecord> actions(Connection c, String runId) throws SQLException {
    List<ActionRecord> actions = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(RunRows.SELECT_ACTIONS)) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          actions.add(RunRows.action(rows));
        }
      }
    }
    return actions;
  }

  // One UPDATE (and, with touchRun, the run's updated_at) in one transaction.
  private void update(String what, String touchRun, String sql, Object... args) {
    call(what, c -> {
      try (PreparedStatement update = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          Object arg = args[i];
          if (arg == null) {
            update.setNull(i + 1, Types.VARCHAR);
          } else if (arg instanceof Long value) {
            update.setLong(i + 1, value);
          } else if (arg instanceof Integer value) {
            update.setInt(i + 1, value);
          } else if (arg instanceof Double value) {
            update.setDouble(i + 1, value);
          } else {
            update.setString(i + 1, String.valueOf(arg));
          }
        }
        update.executeUpdate();
      }
      if (touchRun != null) {
        try (PreparedStatement touch = c.prepareStatement("UPDATE pipeline_runs SET updated_at = ? WHERE run_id = ?")) {
          touch.setLong(1, System.currentTimeMillis());
          touch.setString(2, touchRun);
          touch.executeUpdate();
        }
      }
      return null;
    });
  }

  /** Work on the connection inside one transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T call(String what, Work<T> work) {
    lock.lock();
    try {
      SQLException first = null;
      for (int attempt = 0; attempt < 2; attempt++) {
        if (closed) {
          throw new PluginError("pipeline_store_error", "The run store " + describe() + " is closed", Map.of("store", describe()));
        }
        Connection c;
        try {
          c = connection();
        } catch (SQLException e) {
          throw failure(what, e);
        }
        try {
          // A transaction per call, so that between calls this process holds no lock (SQLite's IMMEDIATE
          // transactions take the write lock when they begin).
          c.setAutoCommit(false);
          T result = work.run(c);
          c.commit();
          c.setAutoCommit(true);
          return result;
        } catch (SQLException e) {
          rollbackQuietly(c);
          if (first == null && isBroken(c)) {
            first = e;
            closeQuietly();
            continue; // the connection broke (a server restart): once more on a new one
          }
          throw failure(what, e);
        } catch (RuntimeException e) {
          rollbackQuietly(c);
          throw e;
        }
      }
      throw failure(what, first);
    } finally {
      lock.unlock();
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection opened = dialect.connect(url);
      try {
        Migrations.apply(opened, dialect);
      } catch (SQLException | RuntimeException e) {
        opened.close();
        throw e;
      }
      connection = opened;
    }
    return connection;
  }

  private static boolean isBroken(Connection c) {
    try {
      return c.isClosed() || !c.isValid(5);
    } catch (SQLException e) {
      return true;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is gone: nothing was committed
    }
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing a broken connection
      }
      connection = null;
    }
  }

  private PluginError failure(String what, SQLException e) {
    return new PluginError("pipeline_store_error", "The run store " + describe() + " could not " + what + ": "
        + SecretRule.maskCredentials(String.valueOf(e.getMessage())), Map.of("store", describe(), "sql_state", String.valueOf(e.getSQLState())), e);
  }

  private static long millis(Instant instant) {
    return instant == null ? System.currentTimeMillis() : instant.toEpochMilli();
  }

  private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, instant.toEpochMilli());
    }
  }
}
