package io.synapse.plugins.executors.remote;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.CancellationToken;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.events.ThrottlingSink;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.executors.ExecutionRequest;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.internal.Languages;
import io.synapse.plugins.observation.RunObservers;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The worker routine of every remote mode: what a TASK actor does for each call and what the JOB
 * entrypoint does once. It finds the plugin by code among the registries of its class loader (never by a
 * path a request names), binds the params with the action's generated binder, runs the action in a
 * {@link LocalExecutor} with the request's environment, job id and working directory, and reports the
 * action's events and then its result or failure as {@link RemoteMessage}s, with every secret (of the
 * environment and of {@code @Secret} params) hidden. Progress is thinned out as LOCAL's console sink does
 * ({@link ThrottlingSink}: at most one event per category per 200 ms, the last value and 100% always), so a
 * million {@code setProgress} calls do not make a million messages. A run is stopped by its
 * {@link CancellationToken}.
 *
 * <p>Thread-safe; plugins found are kept for later requests.
 */
public final class RemoteWorker {
  private final ClassLoader loader;
  private final ExecutionMode mode;
  private final ConcurrentMap<String, PluginDiscovery> plugins = new ConcurrentHashMap<>();
  // The executor of the last environment, job id, working directory and language seen: a pool's calls mostly share them,
  // and building an executor (its environment redactor) costs more than a small action's run.
  private volatile CachedExecutor last;

  private record CachedExecutor(Map<String, String> env, String jobId, Path workingDir, String language, LocalExecutor executor) {}

  /**
   * A worker finding plugins through the registries {@code loader} sees, running the requests of {@code mode}
   * (TASK for an actor, JOB for the entrypoint): what run observers are told the run's mode is.
   */
  public RemoteWorker(ClassLoader loader, ExecutionMode mode) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /**
   * Runs {@code request}: every event goes to {@code out} as the action reports it, then one outcome,
   * which is also returned. Never throws, except a {@link VirtualMachineError} (the process is in no
   * state to report anything).
   */
  public RemoteMessage.Outcome run(RemoteMessage.Request request, Consumer<? super RemoteMessage> out) {
    return run(request, out, CancellationToken.never());
  }

  /**
   * Like {@link #run(RemoteMessage.Request, Consumer)}, stopped when {@code token} is cancelled: the action
   * sees {@code ctx().isCancelled()} and its thread is interrupted; the outcome is then a {@code cancelled}
   * failure (after a step workflow's rollbacks).
   */
  public RemoteMessage.Outcome run(RemoteMessage.Request request, Consumer<? super RemoteMessage> out, CancellationToken token) {
    Redactor redactor = Redactor.builder().environment(PluginEnvironment.of(request.env())).build();
    RemoteMessage.Outcome outcome;
    try {
      outcome = runAction(request, out, redactor, token);
    } catch (SecretsKnown known) {
      outcome = RemoteFailures.of(request.id(), known.getCause(), known.redactor);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      outcome = RemoteFailures.of(request.id(), e, redactor);
    }
    out.accept(outcome);
    return outcome;
  }

  private RemoteMessage.Outcome runAction(RemoteMessage.Request request, Consumer<? super RemoteMessage> out, Redactor redactor,
      CancellationToken token) {
    PluginDiscovery plugin = plugins.computeIfAbsent(request.plugin(), code -> PluginDiscovery.fromModule(code, loader));
    ActionDescriptor<?, ?> action = plugin.descriptor(request.action());
    LocalExecutor executor = executorFor(request).withSink(new ThrottlingSink(event -> out.accept(new RemoteMessage.Event(request.id(), event))));
    // The run continues the driver's: observers (a tracer) find the context the driver's scope propagated.
    return RunObservers.continuing(mode, request.runContext(), () -> runTyped(plugin, action, request, executor, redactor, token));
  }

  private static <P extends Record, R> RemoteMessage.Outcome runTyped(PluginDiscovery plugin, ActionDescriptor<P, R> action,
      RemoteMessage.Request request, LocalExecutor executor, Redactor environmentRedactor, CancellationToken token) {
    ExecutionRequest<P, R> bound = ExecutionRequest.bind(plugin, action, request.params(), RunOptions.defaults());
    try {
      R result = executor.run(bound, token);
      return new RemoteMessage.Result(request.id(), action.writeResult(result), ProcessHandle.current().pid());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // The params' own secrets are known only now that they are bound.
      Set<String> secrets = action.secretValues(bound.params());
      Redactor redactor = secrets.isEmpty() ? environmentRedactor
          : Redactor.builder().environment(PluginEnvironment.of(request.env())).secretValues(secrets).build();
      throw new SecretsKnown(e, redactor);
    }
  }

  private LocalExecutor executorFor(RemoteMessage.Request request) {
    Path workingDir = workingDir(request.workingDir());
    CachedExecutor cached = last;
    if (cached != null && cached.env().equals(request.env()) && Objects.equals(cached.jobId(), request.jobId())
        && Objects.equals(cached.workingDir(), workingDir) && Objects.equals(cached.language(), request.language())) {
      return cached.executor();
    }
    LocalExecutor executor = LocalExecutor.builder().env(request.env()).jobId(request.jobId()).workingDir(workingDir)
        .language(language(request.language())).build();
    last = new CachedExecutor(request.env(), request.jobId(), workingDir, request.language(), executor);
    return executor;
  }

  /** The request's language, checked as the driver checked it. */
  private static String language(String given) {
    try {
      return Languages.check(given);
    } catch (IllegalArgumentException e) {
      throw new ConfigError("The run's language is not a language code: " + e.getMessage(), Map.of("language", given), e);
    }
  }

  /** The request's working directory as this process sees it: relative ones against its current directory. */
  private static Path workingDir(String given) {
    if (given == null) {
      return null;
    }
    try {
      Path directory = Path.of(given).toAbsolutePath().normalize();
      if (!Files.isDirectory(directory)) {
        throw new ConfigError("The run's working directory " + directory + " does not exist on this worker (pid "
            + ProcessHandle.current().pid() + ")", Map.of("working_dir", directory.toString()));
      }
      return directory;
    } catch (InvalidPathException e) {
      throw new ConfigError("The run's working directory is not a valid path: " + e.getReason(), Map.of("working_dir", given), e);
    }
  }

  /** Carries a failure out of the typed part together with the redactor that knows the params' secrets. */
  private static final class SecretsKnown extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Redactor redactor;

    SecretsKnown(Throwable cause, Redactor redactor) {
      super(null, cause, false, false);
      this.redactor = redactor;
    }
  }
}
