package io.synapse.plugins.pipeline.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server on 127.0.0.1 for the tests: the one {@code SYNAPSE_TEST_POSTGRES_URL} names
 * ({@code scripts/test.sh} starts one with {@code scripts/postgres.sh} and stops it after), else one this
 * extension starts with {@code scripts/postgres.sh start} (its own state under target/) and stops when the
 * test run ends. When PostgreSQL cannot be installed or started the tests fail, saying why: they never skip.
 */
public final class PostgresServer implements BeforeAllCallback {
  private static volatile String url;

  @Override
  public void beforeAll(ExtensionContext context) {
    Server server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class);
    url = server.url;
  }

  /** The JDBC URL of the server's database. */
  public static String url() {
    if (url == null) {
      throw new IllegalStateException("no PostgreSQL server: annotate the test class with @ExtendWith(PostgresServer.class)");
    }
    return url;
  }

  /** A JDBC URL whose tables live in a new, empty schema of the server's database: a store of its own. */
  public static String freshUrl() {
    String schema = "s" + java.util.UUID.randomUUID().toString().replace("-", "");
    try (java.sql.Connection c = new org.postgresql.Driver().connect(url(), new java.util.Properties());
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot make a schema on " + url(), e);
    }
    return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static final class Server implements ExtensionContext.Store.CloseableResource {
    final String url;
    final boolean ours;

    private Server(String url, boolean ours) {
      this.url = url;
      this.ours = ours;
    }

    static Server start() {
      String given = System.getenv("SYNAPSE_TEST_POSTGRES_URL");
      if (given != null && !given.isBlank()) {
        return new Server(given.strip(), false);
      }
      run("start");
      try {
        return new Server(Files.readString(state().resolve("url"), StandardCharsets.UTF_8).strip(), true);
      } catch (IOException e) {
        throw new IllegalStateException("scripts/postgres.sh start wrote no URL under " + state(), e);
      }
    }

    @Override
    public void close() {
      if (ours) {
        run("stop");
      }
    }

    private static Path state() {
      return Path.of(System.getProperty("synapse.postgres.state", "target/pg-state")).toAbsolutePath();
    }

    private static void run(String command) {
      String script = System.getProperty("synapse.postgres.script", "../scripts/postgres.sh");
      ProcessBuilder builder = new ProcessBuilder("bash", script, command).inheritIO();
      builder.environment().put("SYNAPSE_PG_STATE", state().toString());
      try {
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
          process.destroyForcibly();
          throw new IllegalStateException("scripts/postgres.sh " + command + " failed (PostgreSQL from Debian's postgresql package is"
              + " needed, installed by scripts/postgres.sh install as root); see its output above");
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot run scripts/postgres.sh " + command, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running scripts/postgres.sh " + command, e);
      }
    }
  }
}
