package io.synapse.plugins.console;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.spi.ActionDescriptor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Starts the console's runs: binds the params with the action's generated binder first (so that
 * invalid params are answered at once, violations by field, and nothing starts), then runs the action
 * on a thread of its own, LOCAL and TASK through {@link PluginRunner#runPlugin}, JOB through a
 * {@link JobFollower}. Each run has a {@link Redactor} made of its {@code @Secret} values (from the
 * bound params, {@link ActionDescriptor#secretValues}) and the environment's secret-looking values;
 * everything the run publishes passes through it.
 */
final class RunLauncher implements AutoCloseable {
  /** The most runs kept for the runs list; the oldest ended ones are forgotten first. */
  static final int MAX_RUNS = 200;
  /** The most runs going on at once. */
  static final int MAX_ACTIVE = 8;

  private final ConsoleSettings settings;
  private final PluginCatalog catalog;
  private final PrintStream log;
  private final Consumer<String> secretSeen;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "synapse-console-run");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, ConsoleRun> runs = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final JobFollower jobs;

  RunLauncher(ConsoleSettings settings, PluginCatalog catalog, PrintStream log, Consumer<String> secretSeen) {
    this.settings = settings;
    this.catalog = catalog;
    this.log = log;
    this.secretSeen = secretSeen;
    this.jobs = new JobFollower(settings);
  }

  /**
   * Binds {@code params} for {@code action} of {@code plugin} and returns the values of its secret
   * fields.
   *
   * @throws io.synapse.plugins.errors.ValidationError listing every violated field
   */
  Set<String> validate(String plugin, String action, Object params) {
    return bindSecrets(catalog.descriptor(plugin, action), params);
  }

  private static <P extends Record> Set<String> bindSecrets(ActionDescriptor<P, ?> descriptor, Object params) {
    return descriptor.secretValues(descriptor.bindParams(params));
  }

  /**
   * Starts a run once its params bind.
   *
   * @throws io.synapse.plugins.errors.ValidationError listing every violated field (nothing starts)
   * @throws HttpIo.RequestError 429 when {@link #MAX_ACTIVE} runs are going on
   */
  ConsoleRun start(String plugin, String action, ExecutionMode mode, Map<String, Object> params) {
    PluginCatalog.Entry entry = catalog.plugin(plugin);
    ActionDescriptor<?, ?> descriptor = entry.discovery().descriptor(action);
    Set<String> secrets = bindSecrets(descriptor, params);
    secrets.forEach(secretSeen);
    Redactor redactor = Redactor.builder().secretValues(secrets).environment(PluginEnvironment.of(settings.env())).build();
    ConsoleRun run;
    synchronized (runs) {
      if (runs.values().stream().filter(each -> each.status() == ConsoleRun.Status.RUNNING).count() >= MAX_ACTIVE) {
        throw new HttpIo.RequestError(429, "too_many_runs", MAX_ACTIVE + " runs are going on; wait for one to end");
      }
      run = new ConsoleRun("run-" + ids.incrementAndGet(), plugin, action, mode, redactor);
      runs.put(run.id(), run);
      forgetOldRuns();
    }
    log.println("run " + run.id() + ": " + plugin + " " + action + " (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")");
    threads.execute(() -> execute(run, entry, descriptor, params));
    return run;
  }

  private void forgetOldRuns() {
    var iterator = runs.values().iterator();
    while (runs.size() > MAX_RUNS && iterator.hasNext()) {
      if (iterator.next().status() != ConsoleRun.Status.RUNNING) {
        iterator.remove();
      }
    }
  }

  private void execute(ConsoleRun run, PluginCatalog.Entry entry, ActionDescriptor<?, ?> descriptor, Map<String, Object> params) {
    try {
      if (run.mode() != ExecutionMode.JOB) {
        Thread thread = Thread.currentThread();
        run.stopper(thread::interrupt);
      }
      if (run.stopRequested()) {
        throw new InterruptedException("stopped before it started");
      }
      if (run.mode() == ExecutionMode.JOB) {
        jobs.run(run, entry, descriptor, params);
      } else {
        RunOptions.Builder options = settings.runOptions().sink(event -> run.event(EventJson.event(event, run.redactor())));
        Object result = PluginRunner.runPlugin(entry.argument(), descriptor.config().name(), params, run.mode(), options.build());
        run.succeed(run.redactor().redactValue(EventJson.plain(writeResult(descriptor, result))));
      }
    } catch (PluginError | IllegalArgumentException | IllegalStateException e) {
      run.fail(EventJson.error(e, run.redactor()), run.stopRequested());
    } catch (InterruptedException e) {
      run.fail(stoppedError(), true);
    } catch (RuntimeException | LinkageError e) {
      run.fail(EventJson.error(e, run.redactor()), false);
    } finally {
      run.stopper(() -> { });
      Thread.interrupted(); // a stop that came as the run ended must not reach the pool's next run
      log.println("run " + run.id() + ": " + run.status().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static Map<String, Object> stoppedError() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", "stopped");
    error.put("message", "the run was stopped from the console");
    error.put("details", Map.of());
    return error;
  }

  @SuppressWarnings("unchecked")
  static <R> Object writeResult(ActionDescriptor<?, R> descriptor, Object result) {
    return descriptor.writeResult((R) result);
  }

  /** The run {@code id}, or null. */
  ConsoleRun run(String id) {
    synchronized (runs) {
      return runs.get(id);
    }
  }

  /** Every run kept, newest first, as the runs list shows them. */
  List<Object> summaries() {
    List<ConsoleRun> copy;
    synchronized (runs) {
      copy = new ArrayList<>(runs.values());
    }
    List<Object> list = new ArrayList<>();
    for (int i = copy.size() - 1; i >= 0; i--) {
      list.add(copy.get(i).summary());
    }
    return list;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
