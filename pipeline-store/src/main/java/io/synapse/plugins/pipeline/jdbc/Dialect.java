package io.synapse.plugins.pipeline.jdbc;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.secrets.SecretRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * What differs between the two engines: how to connect (each driver called directly, not through
 * {@code DriverManager}, so the store works in a plugin's own class loader), the session settings, and the
 * lock that makes a migration run once when several processes open a new store at the same time.
 */
enum Dialect {
  /** SQLite: a file, WAL journal (readers never block the writer), IMMEDIATE transactions, a 10 s busy wait. */
  SQLITE("jdbc:sqlite:") {
    @Override
    Connection connect(String url) throws SQLException {
      createParentDirectory(url);
      Properties properties = new Properties();
      properties.setProperty("journal_mode", "WAL");
      // NORMAL in WAL mode: a commit survives the process being killed; only a power loss may undo the last ones.
      properties.setProperty("synchronous", "NORMAL");
      properties.setProperty("busy_timeout", "10000");
      properties.setProperty("transaction_mode", "IMMEDIATE");
      properties.setProperty("foreign_keys", "true");
      return connect(new org.sqlite.JDBC(), url, properties);
    }

    @Override
    void lockForMigration(Connection connection) {
      // IMMEDIATE transactions take the write lock when they begin: the migration's transaction is alone.
    }
  },
  /** PostgreSQL: the URL's host, database and credentials; a transaction-scoped advisory lock for migrations. */
  POSTGRESQL("jdbc:postgresql:") {
    @Override
    Connection connect(String url) throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("ApplicationName", "synapse-pipelines");
      properties.setProperty("connectTimeout", "10");
      properties.setProperty("socketTimeout", "60");
      return connect(new org.postgresql.Driver(), url, properties);
    }

    @Override
    void lockForMigration(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(7348112901)");
      }
    }
  };

  private final String prefix;

  Dialect(String prefix) {
    this.prefix = prefix;
  }

  /** The dialect of {@code url}, or null. */
  static Dialect of(String url) {
    for (Dialect dialect : values()) {
      if (url.startsWith(dialect.prefix)) {
        return dialect;
      }
    }
    return null;
  }

  abstract Connection connect(String url) throws SQLException;

  abstract void lockForMigration(Connection connection) throws SQLException;

  static Connection connect(Driver driver, String url, Properties properties) throws SQLException {
    Connection connection = driver.connect(url, properties);
    if (connection == null) {
      throw new SQLException("the driver does not take " + SecretRule.maskCredentials(url));
    }
    return connection;
  }

  private static void createParentDirectory(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new ConfigError("Cannot create the directory of the run store " + file + ": " + e.getMessage(), Map.of("store", file),
          new UncheckedIOException(e));
    }
  }
}
