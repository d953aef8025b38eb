package io.synapse.plugins.pipeline.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and migrates the store's schema with versioned SQL files ({@code V<n>__<what>.sql} beside this
 * class), each applied once, in order, in one transaction with the row that records it in
 * {@code synapse_pipeline_schema}. Plain files rather than Flyway: two engines, one small schema, and
 * migrations that must also run inside a plugin's class loader and a Ray job without a logging setup;
 * Flyway would add its core and a module per database for what these 80 lines do. A store newer than this
 * code (a version it does not know) is refused rather than written by older code.
 */
final class Migrations {
  /** Every migration, in order: version {@code i + 1} is {@code FILES.get(i)}. */
  static final List<String> FILES = List.of("V1__pipeline_runs.sql");

  private Migrations() {}

  /** Applies the migrations {@code connection}'s database lacks; returns the schema version. */
  static int apply(Connection connection, Dialect dialect) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      dialect.lockForMigration(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS synapse_pipeline_schema (version INTEGER NOT NULL PRIMARY KEY,"
            + " description VARCHAR(255) NOT NULL, applied_at BIGINT NOT NULL)");
      }
      int current = currentVersion(connection);
      if (current > FILES.size()) {
        throw new SQLException("the run store's schema is version " + current + ", newer than this synapse-plugins knows ("
            + FILES.size() + "): use the synapse-plugins version that wrote it, or a newer one");
      }
      for (int version = current + 1; version <= FILES.size(); version++) {
        String file = FILES.get(version - 1);
        for (String sql : statements(read(file))) {
          try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
          }
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO synapse_pipeline_schema (version, description, applied_at) VALUES (?, ?, ?)")) {
          insert.setInt(1, version);
          insert.setString(2, file);
          insert.setLong(3, System.currentTimeMillis());
          insert.executeUpdate();
        }
      }
      connection.commit();
      return FILES.size();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM synapse_pipeline_schema")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  /** The statements of a migration file: separated by a semicolon at the end of a line; comments dropped. */
  static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("migration " + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + file + ": " + e, e);
    }
  }
}
