package io.synapse.plugins.executors.ray;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.exception.RayActorException;
import io.ray.api.exception.RayException;
import io.ray.api.exception.RayTimeoutException;
import io.ray.api.runtimecontext.NodeInfo;
import io.ray.api.runtimeenv.RuntimeEnv;
import io.ray.api.runtimeenv.RuntimeEnvConfig;
import io.ray.api.runtimeenv.types.RuntimeEnvName;
import io.ray.api.concurrencygroup.ConcurrencyGroup;
import io.ray.api.concurrencygroup.ConcurrencyGroupBuilder;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.json.Json;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The actors of one TASK pool: started from the pool's packages (its code as {@code java_jars}, its working
 * directory as {@code working_dir}), kept pinned in the cluster while the pool lives, each call sent to
 * the least busy actor, an actor that dies or times out replaced. Ray's failures become
 * {@link ExecutionError}s with a {@code reason}: {@code unschedulable}, {@code runtime_env_setup_failed},
 * {@code actor_start_failed}, {@code timeout}, {@code actor_died}, {@code ray_error}.
 */
final class ActorPool implements AutoCloseable {
  /** Told about each retry of a call before its pause. */
  @FunctionalInterface
  interface RetryListener {
    void retrying(String what, int retry, int maxRetries, Duration delay, String cause);
  }

  /** How Ray Java reports RUNTIME_ENV_SETUP_FAILED (error type 55) to the caller of {@code Ray.get}. */
  private static final String ENV_SETUP_FAILED = "Unrecognized metadata [55]";

  private final TaskSettings settings;
  private final PackageUploader uploader;
  private final List<PackageUploader.Pin> pins = new ArrayList<>();
  private final List<String> javaJars = new ArrayList<>();
  private final String workingDirUri;
  private final List<Slot> slots = new ArrayList<>();
  private volatile boolean closed;

  ActorPool(TaskSettings settings) {
    this.settings = settings;
    RayConnection.connect(settings.address(), settings.codeSearchPath(), settings.namespace());
    ClusterSettings cluster = settings.cluster();
    this.uploader = new PackageUploader(cluster.client(cluster.dashboardUrl() != null ? cluster.dashboardUrl() : RayConnection.clusterDashboardUrl()));
    try {
      ClusterPackage code = CodePackage.of(codeClassPath(settings));
      pins.add(uploader.pin(code, settings.pinInterval()));
      javaJars.add(code.uri());
      RuntimeEnvSpec env = cluster.runtimeEnv();
      javaJars.addAll(env.jarUris());
      if (env.workingDir() != null) {
        ClusterPackage directory = WorkingDirPackage.of(env.workingDir(), cluster.workingDirLimit());
        pins.add(uploader.pin(directory, settings.pinInterval()));
        this.workingDirUri = directory.uri();
      } else {
        this.workingDirUri = env.workingDirUri();
      }
      for (int i = 0; i < settings.numActors(); i++) {
        slots.add(new Slot(createActor()));
      }
      awaitScheduled();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The runtime's class path, then the plugin's jars, then runtime_env's local jars; each entry once. */
  private static List<Path> codeClassPath(TaskSettings settings) {
    Set<Path> entries = new LinkedHashSet<>();
    List<Path> runtime = settings.cluster().classPath();
    for (Path entry : runtime != null ? runtime : RayConnection.defaultClassPath()) {
      entries.add(entry.toAbsolutePath().normalize());
    }
    settings.pluginClassPath().forEach(entry -> entries.add(entry.toAbsolutePath().normalize()));
    settings.cluster().runtimeEnv().jarFiles().forEach(entries::add);
    return new ArrayList<>(entries);
  }

  /** Whether the actors run in a working directory shipped with the pool. */
  boolean hasWorkingDir() {
    return workingDirUri != null;
  }

  /** The packages the actors run from: their java_jars, then their working directory. */
  List<String> packages() {
    List<String> uris = new ArrayList<>(javaJars);
    if (workingDirUri != null) {
      uris.add(workingDirUri);
    }
    return uris;
  }

  /** How many packages this pool uploaded (none when the cluster had them). */
  int uploads() {
    return uploader.uploads();
  }

  int size() {
    return slots.size();
  }

  /**
   * Sends one request to the least busy actor, hands its events to {@code events} while it runs, and returns
   * the rest of its transcript. A call whose actor died or could not be reached is sent again, to the least
   * busy actor (the dead one replaced), as the pool's retry policy says, each retry reported to
   * {@code retries}; an action's own failure is in the transcript and never retried.
   *
   * @throws ExecutionError when the actor dies (after the retries), the call times out, or Ray fails
   * @throws CancelledError when the call was cancelled and did not stop within the grace period (its actor
   *     is replaced)
   */
  String call(ActionDescriptor<?, ?> action, String id, String request, ActorCall.Control control, Consumer<RemoteMessage.Event> events,
      RetryListener retries) {
    RetryPolicy policy = settings.cluster().retries();
    for (int attempt = 1; ; attempt++) {
      if (closed) {
        throw new PluginError("executor_closed", "This RayActorExecutor is closed", Map.of());
      }
      Slot slot = leastBusy();
      slot.inFlight.incrementAndGet();
      ActorHandle<PluginActor> actor = slot.actor;
      try {
        return ActorCall.run(actor, id, request, settings.callTimeout(), settings.cluster().cancelGrace(), control, events);
      } catch (ActorCall.Timeout e) {
        // The call may still be running there; replace the actor so the pool is not stuck behind it.
        replace(slot, actor);
        throw new ExecutionError("Action '" + action.config().name() + "' did not finish within " + settings.callTimeout()
            + " on a Ray actor; the actor was replaced", details(action, "timeout", attempt), e);
      } catch (ActorCall.Forced e) {
        replace(slot, actor);
        Map<String, Object> details = details(action, "forced", attempt);
        details.put("grace_ms", settings.cluster().cancelGrace().toMillis());
        throw new CancelledError("Action '" + action.config().name() + "' was cancelled (" + control.reason() + ") and did not stop within "
            + settings.cluster().cancelGrace() + ": its Ray actor was killed and replaced", details);
      } catch (RayActorException e) {
        replace(slot, actor);
        if (attempt > policy.maxRetries() || control.cancelled()) {
          throw new ExecutionError("The Ray actor running action '" + action.config().name() + "' died during the call"
              + (attempt > 1 ? " (" + attempt + " attempts)" : "") + "; the pool replaced it", details(action, "actor_died", attempt), e);
        }
        Duration delay = policy.delayBefore(attempt);
        retries.retrying("call of action '" + action.config().name() + "'", attempt, policy.maxRetries(), delay,
            "the Ray actor died or could not be reached: " + e.getClass().getSimpleName());
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new CancelledError("The call of action '" + action.config().name() + "' was interrupted while it waited to be retried",
              details(action, "cancelled", attempt));
        }
      } catch (RayException e) {
        throw new ExecutionError("Ray failed to run action '" + action.config().name() + "': " + e.getMessage(),
            details(action, "ray_error", attempt), e);
      } catch (RuntimeException e) {
        if (isEnvSetupFailure(e)) {
          throw envSetupFailed(e);
        }
        throw e;
      } finally {
        slot.inFlight.decrementAndGet();
      }
    }
  }

  /** The settings the pool was built with (for {@link ChunkedCalls}). */
  TaskSettings settings() {
    return settings;
  }

  /**
   * The actor of slot {@code index} now, counted as busy with {@code calls} more calls until
   * {@link #release} (so that single calls prefer the other actors).
   *
   * @throws PluginError {@code executor_closed} when the pool is closed
   */
  ActorHandle<PluginActor> acquire(int index, int calls) {
    if (closed) {
      throw new PluginError("executor_closed", "This RayActorExecutor is closed", Map.of());
    }
    Slot slot = slots.get(index);
    slot.inFlight.addAndGet(calls);
    return slot.actor;
  }

  /** Ends what {@link #acquire} counted. */
  void release(int index, int calls) {
    slots.get(index).inFlight.addAndGet(-calls);
  }

  /** Replaces the actor of slot {@code index} if it is still {@code dead} (a dead or stuck actor). */
  void replace(int index, ActorHandle<PluginActor> dead) {
    replace(slots.get(index), dead);
  }

  /** The details of a TASK error of {@code action} after {@code attempts} attempts. */
  Map<String, Object> failureDetails(ActionDescriptor<?, ?> action, String reason, int attempts) {
    return details(action, reason, attempts);
  }

  /** Ray's exception as the typed error of the single-call path (the runtime environment could not be set up). */
  RuntimeException envSetupFailure(RuntimeException error) {
    return isEnvSetupFailure(error) ? envSetupFailed(error) : error;
  }

  /** Each actor's reply to a ping (its pid and protocol), in slot order. */
  List<Map<?, ?>> ping() {
    List<Map<?, ?>> replies = new ArrayList<>();
    for (Slot slot : slots) {
      String pong = Ray.get(slot.actor.task(PluginActor::ping).remote(), settings.scheduleTimeout().toMillis());
      replies.add((Map<?, ?>) Json.parse(pong));
    }
    return replies;
  }

  /** Kills the actors and releases the packages' pins. */
  @Override
  public void close() {
    closed = true;
    for (Slot slot : slots) {
      try {
        slot.actor.kill();
      } catch (RuntimeException e) {
        // Already dead or the cluster is gone: nothing left to release.
      }
    }
    pins.forEach(PackageUploader.Pin::close);
  }

  /**
   * Releases the packages' pins without killing the actors: for JVM exit, when Ray's own shutdown may run
   * at the same time (a kill then can block in Ray's native code), and the cluster ends a driver's actors
   * itself once the driver is gone.
   */
  void abandon() {
    closed = true;
    pins.forEach(PackageUploader.Pin::close);
  }

  private Map<String, Object> details(ActionDescriptor<?, ?> action, String reason, int attempts) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", action.pluginCode());
    details.put("action", action.config().name());
    details.put("mode", "task");
    details.put("reason", reason);
    details.put(RetryPolicy.ATTEMPTS, attempts);
    return details;
  }

  private Slot leastBusy() {
    Slot best = slots.get(0);
    for (Slot slot : slots) {
      if (slot.inFlight.get() < best.inFlight.get()) {
        best = slot;
      }
    }
    return best;
  }

  private void replace(Slot slot, ActorHandle<PluginActor> dead) {
    synchronized (slot) {
      if (slot.actor != dead || closed) {
        return;
      }
      try {
        dead.kill();
      } catch (RuntimeException e) {
        // It is dead already.
      }
      slot.actor = createActor();
    }
  }

  private ActorHandle<PluginActor> createActor() {
    // Polls, cancels and pings answer while a request runs in the default group, one at a time.
    ConcurrencyGroup control = new ConcurrencyGroupBuilder<PluginActor>().setName(PluginActor.CONTROL_GROUP).setMaxConcurrency(4)
        .addMethod(PluginActor::poll).addMethod(PluginActor::cancel).addMethod(PluginActor::ping).build();
    var creator = Ray.actor(PluginActor::new)
        .setMaxRestarts(settings.maxRestarts())
        .setJvmOptions(jvmOptions())
        .setRuntimeEnv(runtimeEnv())
        .setConcurrencyGroups(control);
    if (settings.maxTaskRetries() > 0) {
      creator.setMaxTaskRetries(settings.maxTaskRetries());
    }
    settings.requestedResources().forEach(creator::setResource);
    return creator.remote();
  }

  private RuntimeEnv runtimeEnv() {
    RuntimeEnvSpec spec = settings.cluster().runtimeEnv();
    RuntimeEnv env = new RuntimeEnv.Builder().build();
    env.set(RuntimeEnvName.JARS, new ArrayList<>(javaJars));
    if (workingDirUri != null) {
      env.set("working_dir", workingDirUri);
    }
    if (!spec.envVars().isEmpty()) {
      env.set(RuntimeEnvName.ENV_VARS, new TreeMap<>(spec.envVars()));
    }
    if (!spec.config().isEmpty()) {
      Object timeout = spec.config().get("setup_timeout_seconds");
      Object eager = spec.config().get("eager_install");
      env.setConfig(new RuntimeEnvConfig(timeout instanceof Integer seconds ? seconds : 600, !(eager instanceof Boolean b) || b));
    }
    return env;
  }

  private List<String> jvmOptions() {
    List<String> options = new ArrayList<>(RayConnection.addOpensFlags());
    options.addAll(settings.cluster().jvmOptions());
    return options;
  }

  private void awaitScheduled() {
    List<ObjectRef<String>> pings = new ArrayList<>();
    for (Slot slot : slots) {
      pings.add(slot.actor.task(PluginActor::ping).remote());
    }
    try {
      Ray.get(pings, settings.scheduleTimeout().toMillis());
    } catch (RayTimeoutException e) {
      throw unschedulable(e);
    } catch (RayException e) {
      throw new ExecutionError("The Ray actor pool could not start: " + e.getMessage(),
          Map.of("mode", "task", "reason", "actor_start_failed"), e);
    } catch (RuntimeException e) {
      if (isEnvSetupFailure(e)) {
        throw envSetupFailed(e);
      }
      throw e;
    }
  }

  static boolean isEnvSetupFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains(ENV_SETUP_FAILED)) {
        return true;
      }
    }
    return false;
  }

  private ExecutionError envSetupFailed(Throwable cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("mode", "task");
    details.put("reason", "runtime_env_setup_failed");
    details.put("java_jars", List.copyOf(javaJars));
    if (workingDirUri != null) {
      details.put("working_dir", workingDirUri);
    }
    return new ExecutionError("Ray could not set up the runtime environment of the TASK actors (java_jars " + javaJars
        + (workingDirUri == null ? "" : ", working_dir " + workingDirUri) + "). Ray gives Java no cause: it is in runtime_env_agent.log"
        + " in the Ray log directory of the node that was to run the actor (<Ray temp dir, default /tmp/ray>/session_latest/logs/)."
        + " A package the cluster no longer holds, a URI the node cannot fetch, or a setup timeout are the usual causes;"
        + " a node remembers a failed environment for 10 minutes", details, cause);
  }

  private PluginError unschedulable(Exception cause) {
    Map<String, Double> available = new TreeMap<>();
    for (NodeInfo node : Ray.getRuntimeContext().getAllNodeInfo()) {
      if (node.isAlive) {
        node.resources.forEach((name, amount) -> available.merge(name, amount, Double::sum));
      }
    }
    List<String> lacking = new ArrayList<>();
    settings.requestedResources().forEach((name, amount) -> {
      if (available.getOrDefault(name, 0.0) < amount) {
        lacking.add(name + "=" + amount + " (cluster has " + available.getOrDefault(name, 0.0) + ")");
      }
    });
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("mode", "task");
    details.put("reason", "unschedulable");
    details.put("requested", settings.requestedResources());
    details.put("lacking", lacking);
    String message = lacking.isEmpty()
        ? "The Ray actor pool did not start within " + settings.scheduleTimeout() + " (the cluster may be busy)"
        : "The Ray cluster cannot schedule the actor pool: each actor asks for " + String.join(", ", lacking);
    return new ExecutionError(message, details, cause);
  }

  private static final class Slot {
    volatile ActorHandle<PluginActor> actor;
    final AtomicInteger inFlight = new AtomicInteger();

    Slot(ActorHandle<PluginActor> actor) {
      this.actor = actor;
    }
  }
}
