package io.synapse.plugins.console;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.RunNotFoundError;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStores;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's pipeline runs, read from and written through the runtime's durable run store
 * ({@link Pipelines}): starting a declared pipeline of a served plugin, listing the store's newest runs with
 * each action's status, resuming a failed or cancelled run (only of a plugin this console serves: a record
 * never makes the console load a plugin it names) and cancelling one.
 */
final class PipelineRuns implements AutoCloseable {
  /** How many of the store's newest runs are listed. */
  static final int LISTED = 50;
  /** How long starting a pipeline waits for its run to be recorded (or refused) before it answers. */
  static final java.time.Duration RECORD_WAIT = java.time.Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConsoleSettings settings;
  private final PluginCatalog catalog;
  private final PrintStream log;
  private final Redactor redactor;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "synapse-console-pipeline");
    thread.setDaemon(true);
    return thread;
  });

  PipelineRuns(ConsoleSettings settings, PluginCatalog catalog, PrintStream log) {
    this.settings = settings;
    this.catalog = catalog;
    this.log = log;
    this.redactor = Redactor.builder().environment(PluginEnvironment.of(settings.env())).build();
  }

  private RunOptions.Builder options() {
    RunOptions.Builder options = settings.runOptions();
    if (settings.pipelineStore() != null) {
      options.option(RunStores.OPTION, settings.pipelineStore());
    }
    return options;
  }

  /**
   * Starts the declared pipeline {@code name} of the served plugin {@code plugin} and returns the run's id;
   * the run goes on in the background, its state in the store.
   *
   * @throws io.synapse.plugins.errors.PipelineNotFoundError when the plugin declares no such pipeline
   */
  String start(String plugin, String name, ExecutionMode mode, Map<String, Object> params) {
    PluginCatalog.Entry entry = catalog.plugin(plugin);
    entry.discovery().getPipelineParamsSchema(name); // refuses an unknown pipeline now, naming those there are
    String runId = HexFormat.of().formatHex(randomBytes());
    RunOptions options = options().option(Pipelines.RUN_ID_OPTION, runId).build();
    log.println("pipeline run " + runId + ": " + plugin + " " + name + " (" + mode.name().toLowerCase(Locale.ROOT) + ")");
    java.util.concurrent.CompletableFuture<Object> outcome = new java.util.concurrent.CompletableFuture<>();
    threads.execute(() -> finish(runId, () -> {
      try {
        Object result = Pipelines.runDeclared(entry.discovery(), name, params, mode, options);
        outcome.complete(result);
        return result;
      } catch (RuntimeException e) {
        outcome.completeExceptionally(e);
        throw e;
      }
    }));
    awaitRecorded(runId, outcome, options);
    return runId;
  }

  // The initial params are checked before the run is recorded: wait for the record, or for that check's
  // error, which is the request's answer (violations shown on the form's fields).
  private static void awaitRecorded(String runId, java.util.concurrent.CompletableFuture<Object> outcome, RunOptions options) {
    long deadline = System.nanoTime() + RECORD_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (outcome.isCompletedExceptionally()) {
        try {
          outcome.join();
        } catch (java.util.concurrent.CompletionException e) {
          if (e.getCause() instanceof PluginError error && !isRecorded(runId, options)) {
            throw error;
          }
        }
        return;
      }
      if (outcome.isDone() || isRecorded(runId, options)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean isRecorded(String runId, RunOptions options) {
    try {
      Pipelines.status(runId, options);
      return true;
    } catch (RunNotFoundError e) {
      return false;
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * Resumes run {@code runId} in {@code mode}, with the values of its secret initial params (which the store
   * does not keep).
   *
   * @throws RunNotFoundError when the store has no such run
   * @throws io.synapse.plugins.errors.PluginNotFoundError when its plugin is not one this console serves
   */
  void resume(String runId, ExecutionMode mode, Map<String, Object> secrets) {
    RunOptions options = options().build();
    RunRecord run = Pipelines.status(runId, options);
    PluginCatalog.Entry entry = catalog.plugin(run.plugin());
    log.println("pipeline run " + runId + ": resumed (" + mode.name().toLowerCase(Locale.ROOT) + ")");
    threads.execute(() -> finish(runId, () -> Pipelines.resume(entry.discovery(), runId, mode, options, secrets)));
  }

  /** Asks run {@code runId} to stop; false when it had ended. */
  boolean cancel(String runId) {
    return Pipelines.cancel(runId, options().build());
  }

  private void finish(String runId, java.util.function.Supplier<Object> work) {
    try {
      work.get();
      log.println("pipeline run " + runId + ": ended");
    } catch (PluginError | IllegalArgumentException | IllegalStateException e) {
      // The store holds the run's error; the log says which kind only.
      log.println("pipeline run " + runId + ": " + e.getClass().getSimpleName()
          + (e instanceof PluginError plugin ? " " + plugin.code() : ""));
    }
  }

  /** The store's newest runs, as the pipeline runs list shows them. */
  List<Object> summaries() {
    List<Object> list = new ArrayList<>();
    for (RunRecord run : Pipelines.list(LISTED, options().build())) {
      list.add(summary(run));
    }
    return list;
  }

  private Map<String, Object> summary(RunRecord run) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("run_id", run.runId());
    map.put("plugin", run.plugin());
    map.put("pipeline", run.pipeline());
    map.put("mode", run.mode());
    map.put("status", run.status().name().toLowerCase(Locale.ROOT));
    map.put("progress", Math.round(run.progress() * 1000) / 10.0);
    map.put("job_id", run.jobId());
    map.put("served", isServed(run.plugin()));
    map.put("masked_keys", run.maskedKeys());
    map.put("error", run.error() == null ? null : redactor.redactValue(EventJson.plain(run.error())));
    map.put("created_at", String.valueOf(run.createdAt()));
    map.put("updated_at", String.valueOf(run.updatedAt()));
    List<Object> actions = new ArrayList<>();
    for (ActionRecord action : run.actions()) {
      Map<String, Object> each = new LinkedHashMap<>();
      each.put("index", action.index());
      each.put("action", action.action());
      each.put("status", action.status().value());
      each.put("progress", Math.round(action.progress() * 1000) / 10.0);
      each.put("attempts", action.attempts());
      each.put("error", action.error() == null ? null : redactor.redactValue(EventJson.plain(action.error())));
      actions.add(each);
    }
    map.put("actions", actions);
    return map;
  }

  private boolean isServed(String code) {
    try {
      catalog.plugin(code);
      return true;
    } catch (PluginError e) {
      return false;
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
