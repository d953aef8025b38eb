package io.synapse.plugins.pipeline.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.pipeline.ActionStatus;
import io.synapse.plugins.pipeline.RunStatus;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStore;
import io.synapse.plugins.pipeline.store.RunStores;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC run store against both real engines: an SQLite file and a PostgreSQL server on loopback. */
@ExtendWith(PostgresServer.class)
class JdbcRunStoreTest {
  @TempDir static Path temp;

  static Stream<String> engines() {
    return Stream.of("sqlite", "postgresql");
  }

  /** A store on a fresh database of {@code engine}, opened through the provider as runs open it. */
  static String url(String engine) {
    if (engine.equals("sqlite")) {
      return "jdbc:sqlite:" + temp.resolve("runs-" + UUID.randomUUID() + ".db");
    }
    return PostgresServer.freshUrl();
  }

  static RunRecord run(String id, int actions) {
    List<ActionRecord> list = new ArrayList<>();
    for (int i = 0; i < actions; i++) {
      list.add(ActionRecord.pending(i, "action" + i));
    }
    Map<String, Object> initial = new LinkedHashMap<>();
    initial.put("source_dir", "/data");
    initial.put("ratio", new BigDecimal("0.1000000000000000000001"));
    initial.put("tags", List.of("a", "b"));
    Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
    return new RunRecord(id, "demo", "flow", "declared", "local", RunStatus.PENDING, initial, List.of("api_key"), null, null, now, now,
        null, null, false, null, list);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void aRunAndItsActionsAreRecordedAndReadBackExactly(String engine) {
    try (RunStore store = new JdbcRunStoreProvider().open(url(engine))) {
      RunRecord created = run("r1", 3);
      store.create(created);
      RunRecord read = store.find("r1").orElseThrow();
      assertEquals(created.initialParams(), read.initialParams());
      assertEquals(List.of("api_key"), read.maskedKeys());
      assertEquals(List.of("action0", "action1", "action2"), read.actionNames());
      assertEquals(RunStatus.PENDING, read.status());
      assertEquals(created.createdAt(), read.createdAt());
      assertTrue(store.find("nope").isEmpty());
      assertThrows(PluginError.class, () -> store.create(run("r1", 1)));

      assertTrue(store.claim("r1", null, "me", Instant.now().plusSeconds(30), "task"));
      store.actionStarted("r1", 0, Map.of("source_dir", "/data"), Instant.now());
      store.actionProgress("r1", 0, 0.5);
      assertEquals(0.5, store.find("r1").orElseThrow().actions().get(0).progress());
      store.actionCompleted("r1", 0, Map.of("dataset_path", "/d", "rows", 3), Map.of("source_dir", "/data", "dataset_path", "/d"), Instant.now());
      store.actionStarted("r1", 1, Map.of(), Instant.now());
      store.actionEnded("r1", 1, ActionStatus.FAILED, Map.of("code", "execution_error", "message", "boom"), Instant.now());
      store.runEnded("r1", "me", RunStatus.FAILED, null, Map.of("code", "execution_error", "action", "action1"), Instant.now());

      RunRecord failed = store.find("r1").orElseThrow();
      assertEquals(RunStatus.FAILED, failed.status());
      assertEquals("task", failed.mode());
      assertNull(failed.owner());
      ActionRecord first = failed.actions().get(0);
      assertEquals(ActionStatus.COMPLETED, first.status());
      assertEquals(Map.of("dataset_path", "/d", "rows", 3), first.result());
      assertEquals("/d", first.accumulated().get("dataset_path"));
      assertEquals(1, first.attempts());
      assertEquals(ActionStatus.FAILED, failed.actions().get(1).status());
      assertEquals("boom", failed.actions().get(1).error().get("message"));
      assertEquals(ActionStatus.PENDING, failed.actions().get(2).status());
      assertEquals(1.0 / 3, failed.progress(), 1e-9);

      store.actionEnded("r1", 0, ActionStatus.SKIPPED, null, Instant.now());
      ActionRecord skipped = store.find("r1").orElseThrow().actions().get(0);
      assertEquals(ActionStatus.SKIPPED, skipped.status());
      assertEquals(Map.of("dataset_path", "/d", "rows", 3), skipped.result(), "a skipped action keeps its result");
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void claimsAreCompareAndSetAndLeasesRenewOnlyForTheOwner(String engine) {
    try (RunStore store = new JdbcRunStoreProvider().open(url(engine))) {
      store.create(run("r", 1));
      assertTrue(store.claim("r", null, "a", Instant.now().plusSeconds(30), "local"));
      assertFalse(store.claim("r", null, "b", Instant.now().plusSeconds(30), "local"), "a claim expecting no owner loses to a");
      assertFalse(store.claim("r", "c", "b", Instant.now().plusSeconds(30), "local"));
      assertTrue(store.renew("r", "a", Instant.now().plusSeconds(60)));
      assertFalse(store.renew("r", "b", Instant.now().plusSeconds(60)));
      assertTrue(store.claim("r", "a", "b", Instant.now().plusSeconds(30), "job"), "b takes over from a");
      assertFalse(store.renew("r", "a", Instant.now().plusSeconds(60)), "a lost the run");
      assertFalse(store.claim("missing", null, "a", Instant.now(), "local"));
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void ofManyProcessesClaimingOneRunAtOnceExactlyOneWins(String engine) throws Exception {
    String url = url(engine);
    try (RunStore setup = new JdbcRunStoreProvider().open(url)) {
      setup.create(run("contended", 1));
    }
    int claimers = 6;
    List<RunStore> stores = new ArrayList<>();
    for (int i = 0; i < claimers; i++) {
      stores.add(new JdbcRunStoreProvider().open(url)); // each its own connection, as separate processes have
    }
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < claimers; i++) {
        RunStore store = stores.get(i);
        String owner = "owner" + i;
        results.add(pool.submit(() -> {
          go.await();
          return store.claim("contended", null, owner, Instant.now().plusSeconds(30), "local");
        }));
      }
      go.countDown();
      int wins = 0;
      for (Future<Boolean> result : results) {
        wins += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, wins);
    } finally {
      pool.shutdownNow();
      stores.forEach(RunStore::close);
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void cancellingMarksAHeldRunAndEndsAnUnheldOne(String engine) {
    try (RunStore store = new JdbcRunStoreProvider().open(url(engine))) {
      store.create(run("held", 1));
      store.create(run("unheld", 1));
      assertTrue(store.claim("held", null, "a", Instant.now().plusSeconds(30), "local"));
      assertFalse(store.cancelRequested("held"));
      assertTrue(store.requestCancel("held"));
      assertTrue(store.cancelRequested("held"));
      assertEquals(RunStatus.RUNNING, store.find("held").orElseThrow().status(), "its owner ends it");
      assertTrue(store.requestCancel("unheld"));
      assertEquals(RunStatus.CANCELLED, store.find("unheld").orElseThrow().status());
      assertFalse(store.requestCancel("unheld"), "it has ended");
      assertFalse(store.requestCancel("missing"));
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void listingGivesTheNewestFirst(String engine) throws InterruptedException {
    try (RunStore store = new JdbcRunStoreProvider().open(url(engine))) {
      for (int i = 0; i < 4; i++) {
        store.create(run("run" + i, 2));
        Thread.sleep(5);
      }
      List<RunRecord> listed = store.list(3);
      assertEquals(List.of("run3", "run2", "run1"), listed.stream().map(RunRecord::runId).toList());
      assertEquals(2, listed.get(0).actions().size());
    }
  }

  @ParameterizedTest
  @MethodSource("engines")
  void theSchemaIsCreatedOnceAndANewerOneIsRefused(String engine) throws Exception {
    String url = url(engine);
    try (JdbcRunStore first = (JdbcRunStore) new JdbcRunStoreProvider().open(url)) {
      assertEquals(1, first.schemaVersion());
      first.create(run("kept", 1));
    }
    try (JdbcRunStore again = (JdbcRunStore) new JdbcRunStoreProvider().open(url)) {
      assertEquals(1, again.schemaVersion());
      assertTrue(again.find("kept").isPresent(), "opening again migrates nothing and loses nothing");
    }
    Dialect dialect = Dialect.of(url);
    try (Connection c = dialect.connect(url); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO synapse_pipeline_schema (version, description, applied_at) VALUES (99, 'V99__future.sql', 0)");
    }
    ConfigError newer = assertThrows(ConfigError.class, () -> new JdbcRunStoreProvider().open(url));
    assertTrue(newer.getMessage().contains("newer than this synapse-plugins knows"), newer.getMessage());
  }

  @Test
  void aFailedWriteLeavesNothingHalfDone() {
    try (RunStore store = new JdbcRunStoreProvider().open(url("sqlite"))) {
      // Two actions with one index: the second insert fails, and the run itself must not stay behind.
      RunRecord broken = new RunRecord("half", "demo", "flow", "declared", "local", RunStatus.PENDING, Map.of(), List.of(), null, null,
          Instant.now(), Instant.now(), null, null, false, null, List.of(ActionRecord.pending(0, "a"), ActionRecord.pending(0, "b")));
      assertThrows(PluginError.class, () -> store.create(broken));
      assertTrue(store.find("half").isEmpty());
      store.create(run("half", 1));
      assertTrue(store.find("half").isPresent(), "the store still works");
    }
  }

  @Test
  void credentialsInTheUrlNeverShow() {
    String url = PostgresServer.url() + "&password=hunter22";
    RunStore store = new JdbcRunStoreProvider().open(url);
    try {
      assertFalse(store.describe().contains("hunter22"), store.describe());
    } finally {
      store.close();
    }
    ConfigError unreachable = assertThrows(ConfigError.class,
        () -> new JdbcRunStoreProvider().open("jdbc:postgresql://127.0.0.1:1/none?user=u&password=hunter22&connectTimeout=2"));
    assertFalse(unreachable.getMessage().contains("hunter22"), unreachable.getMessage());
    assertFalse(String.valueOf(unreachable.details()).contains("hunter22"));
  }

  @Test
  void theProviderIsFoundByUrlAndSqliteIsTheDefault() {
    String url = url("sqlite");
    RunStore store = RunStores.open(url);
    assertInstanceOf(JdbcRunStore.class, store);
    assertTrue(RunStores.isDurable(store));
    assertTrue(RunStores.defaultUrl().startsWith("jdbc:sqlite:") || System.getenv("SYNAPSE_PIPELINE_STORE") != null,
        RunStores.defaultUrl());
    ConfigError unknown = assertThrows(ConfigError.class, () -> RunStores.open("jdbc:mysql://x/y"));
    assertTrue(unknown.getMessage().contains("synapse-plugins-pipeline-store"), unknown.getMessage());
  }
}
