package io.synapse.plugins.executors.ray;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.exception.RayActorException;
import io.ray.api.exception.RayException;
import io.ray.api.exception.RayTimeoutException;
import io.ray.api.runtimecontext.NodeInfo;
import io.ray.api.runtimeenv.RuntimeEnv;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.context.ConsoleSink;
import io.synapse.plugins.context.EventSink;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.internal.Json;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TASK backend: a warm pool of Ray actors that run actions and stay up between calls. Each call
 * goes to the least busy actor; an actor that dies is replaced and later calls keep working.
 * Params, results, events and errors cross as JSON, so the result is the same typed object a LOCAL
 * run returns and failures are the same typed errors.
 *
 * <pre>{@code
 * try (RayActorExecutor pool = RayActorExecutor.builder().address("127.0.0.1:6379").numActors(2).build()) {
 *   ProcessResult result = MyPlugin.process(params, pool);
 * }
 * }</pre>
 *
 * <p>The driver JVM needs Ray's Java runtime ({@code ray_dist.jar} of the installed Python {@code ray})
 * on its class path and the {@code --add-opens} flags of {@link #driverJvmFlags()}; the executor adds
 * the same flags to its workers itself. Thread-safe; {@link #close()} kills the actors it created.
 */
public final class RayActorExecutor implements Executor, AutoCloseable {
  private final Builder settings;
  private final String pluginClassPathJson;
  private final List<Slot> slots = new ArrayList<>();
  private final ExecutorService callers;
  private volatile boolean closed;

  private RayActorExecutor(Builder builder) {
    this.settings = builder.copy();
    List<String> pluginEntries = new ArrayList<>();
    builder.pluginClassPath.forEach(path -> pluginEntries.add(path.toAbsolutePath().toString()));
    this.pluginClassPathJson = Json.write(pluginEntries);
    RaySupport.connect(RaySupport.resolveAddress(builder.address),
        builder.codeSearchPath == null ? RaySupport.defaultCodeSearchPath() : builder.codeSearchPath, builder.namespace);
    AtomicInteger threads = new AtomicInteger();
    this.callers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "synapse-ray-call-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (int i = 0; i < builder.numActors; i++) {
        slots.add(new Slot(createActor()));
      }
      awaitScheduled();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** A builder with the defaults: one actor, no resource requests beyond Ray's, a 10-minute call timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** The JVM flags a driver needs on JDK 17 ({@code --add-opens} for Ray's serialiser). */
  public static List<String> driverJvmFlags() {
    return RaySupport.addOpensFlags();
  }

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.TASK;
  }

  /**
   * Runs the action on the least busy actor and waits for it.
   *
   * @throws io.synapse.plugins.errors.ValidationError when the params break the action's rules
   * @throws ExecutionError when the action fails, the actor dies, or the call times out
   */
  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, P params) {
    return call(action, action.writeParams(params), settings.env, settings.jobId, settings.sink);
  }

  /** Runs the action asynchronously; the future fails with the same typed errors. */
  public <P extends Record, R> CompletableFuture<R> submit(ActionDescriptor<P, R> action, P params) {
    Map<String, Object> written = action.writeParams(params);
    return CompletableFuture.supplyAsync(() -> call(action, written, settings.env, settings.jobId, settings.sink), callers);
  }

  /**
   * Runs the action once per params, spread over the pool, and returns the results in order.
   *
   * @throws PluginError the first failure, with later ones attached as suppressed
   */
  public <P extends Record, R> List<R> executeAll(ActionDescriptor<P, R> action, List<P> paramsList) {
    List<CompletableFuture<R>> futures = new ArrayList<>();
    for (P params : paramsList) {
      futures.add(submit(action, params));
    }
    List<R> results = new ArrayList<>();
    RuntimeException first = null;
    for (CompletableFuture<R> future : futures) {
      try {
        results.add(future.join());
      } catch (CompletionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
        if (first == null) {
          first = cause;
        } else {
          first.addSuppressed(cause);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  /** The process ids of the pool's workers, in slot order (a ping per actor). */
  public List<Long> workerPids() {
    List<Long> pids = new ArrayList<>();
    for (Slot slot : slots) {
      String pong = Ray.get(slot.actor().task(PluginActor::ping).remote(), settings.scheduleTimeout.toMillis());
      pids.add(((Number) TaskMessages.asMap(Json.parse(pong)).get("pid")).longValue());
    }
    return pids;
  }

  /** How many actors the pool holds. */
  public int size() {
    return slots.size();
  }

  /** Kills the actors this executor created. Calls after close fail. */
  @Override
  public void close() {
    closed = true;
    for (Slot slot : slots) {
      try {
        slot.actor().kill();
      } catch (RuntimeException e) {
        // Already dead or the cluster is gone: nothing left to release.
      }
    }
    callers.shutdownNow();
  }

  /** Same as {@link #close()}. */
  public void shutdown() {
    close();
  }

  <R> R call(ActionDescriptor<?, R> action, Map<String, Object> params, PluginEnvironment env, String jobId, EventSink sink) {
    if (closed) {
      throw new PluginError("executor_closed", "This RayActorExecutor is closed", Map.of());
    }
    String request = TaskMessages.request(action.pluginCode(), action.config().name(), params, env, jobId);
    Slot slot = leastBusy();
    slot.inFlight.incrementAndGet();
    ActorHandle<PluginActor> actor = slot.actor();
    try {
      ObjectRef<String> reply = actor.task(PluginActor::run, request).remote();
      String response = Ray.get(reply, settings.callTimeout.toMillis());
      return TaskMessages.readResponse(action, response, sink);
    } catch (RayTimeoutException e) {
      // The call may still be running there; replace the actor so the pool is not stuck behind it.
      replace(slot, actor);
      throw new ExecutionError("Action '" + action.config().name() + "' did not finish within " + settings.callTimeout
          + " on a Ray actor; the actor was replaced", failureDetails(action, "timeout"), e);
    } catch (RayActorException e) {
      replace(slot, actor);
      throw new ExecutionError("The Ray actor running action '" + action.config().name()
          + "' died during the call; the pool replaced it", failureDetails(action, "actor_died"), e);
    } catch (RayException e) {
      throw new ExecutionError("Ray failed to run action '" + action.config().name() + "': " + e.getMessage(),
          failureDetails(action, "ray_error"), e);
    } finally {
      slot.inFlight.decrementAndGet();
    }
  }

  private Map<String, Object> failureDetails(ActionDescriptor<?, ?> action, String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", action.pluginCode());
    details.put("action", action.config().name());
    details.put("mode", "task");
    details.put("reason", reason);
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
      if (slot.actor() != dead || closed) {
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
    var creator = Ray.actor(PluginActor::new, pluginClassPathJson)
        .setMaxRestarts(settings.maxRestarts)
        .setJvmOptions(jvmOptions());
    if (settings.maxTaskRetries > 0) {
      creator.setMaxTaskRetries(settings.maxTaskRetries);
    }
    for (Map.Entry<String, Double> resource : requestedResources().entrySet()) {
      creator.setResource(resource.getKey(), resource.getValue());
    }
    if (!settings.actorEnv.isEmpty()) {
      RuntimeEnv runtimeEnv = new RuntimeEnv.Builder().build();
      runtimeEnv.set("env_vars", new LinkedHashMap<>(settings.actorEnv));
      creator.setRuntimeEnv(runtimeEnv);
    }
    return creator.remote();
  }

  private List<String> jvmOptions() {
    List<String> options = new ArrayList<>(RaySupport.addOpensFlags());
    options.addAll(settings.jvmOptions);
    return options;
  }

  private Map<String, Double> requestedResources() {
    Map<String, Double> resources = new TreeMap<>(settings.resources);
    if (settings.numCpus != null) {
      resources.put("CPU", settings.numCpus);
    }
    if (settings.numGpus != null) {
      resources.put("GPU", settings.numGpus);
    }
    if (settings.memoryBytes != null) {
      resources.put("memory", settings.memoryBytes.doubleValue());
    }
    return resources;
  }

  private void awaitScheduled() {
    List<ObjectRef<String>> pings = new ArrayList<>();
    for (Slot slot : slots) {
      pings.add(slot.actor().task(PluginActor::ping).remote());
    }
    try {
      Ray.get(pings, settings.scheduleTimeout.toMillis());
    } catch (RayTimeoutException e) {
      throw unschedulable(e);
    } catch (RayException e) {
      throw new ExecutionError("The Ray actor pool could not start: " + e.getMessage(),
          Map.of("mode", "task", "reason", "actor_start_failed"), e);
    }
  }

  private PluginError unschedulable(Exception cause) {
    Map<String, Double> available = new TreeMap<>();
    for (NodeInfo node : Ray.getRuntimeContext().getAllNodeInfo()) {
      if (node.isAlive) {
        node.resources.forEach((name, amount) -> available.merge(name, amount, Double::sum));
      }
    }
    List<String> lacking = new ArrayList<>();
    requestedResources().forEach((name, amount) -> {
      if (available.getOrDefault(name, 0.0) < amount) {
        lacking.add(name + "=" + amount + " (cluster has " + available.getOrDefault(name, 0.0) + ")");
      }
    });
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("mode", "task");
    details.put("reason", "unschedulable");
    details.put("requested", requestedResources());
    details.put("lacking", lacking);
    String message = lacking.isEmpty()
        ? "The Ray actor pool did not start within " + settings.scheduleTimeout + " (the cluster may be busy)"
        : "The Ray cluster cannot schedule the actor pool: each actor asks for " + String.join(", ", lacking);
    return new ExecutionError(message, details, cause);
  }

  private static final class Slot {
    volatile ActorHandle<PluginActor> actor;
    final AtomicInteger inFlight = new AtomicInteger();

    Slot(ActorHandle<PluginActor> actor) {
      this.actor = actor;
    }

    ActorHandle<PluginActor> actor() {
      return actor;
    }
  }

  /** Builds a {@link RayActorExecutor}; building starts the actors and waits until they are scheduled. */
  public static final class Builder {
    private String address;
    private int numActors = 1;
    private Double numCpus;
    private Double numGpus;
    private Long memoryBytes;
    private Map<String, Double> resources = new TreeMap<>();
    private Map<String, String> actorEnv = new TreeMap<>();
    private PluginEnvironment env = PluginEnvironment.empty();
    private String jobId;
    private EventSink sink = new ConsoleSink();
    private List<Path> codeSearchPath;
    private List<Path> pluginClassPath = new ArrayList<>();
    private String namespace;
    private int maxRestarts;
    private int maxTaskRetries;
    private Duration callTimeout = Duration.ofMinutes(10);
    private Duration scheduleTimeout = Duration.ofSeconds(60);
    private List<String> jvmOptions = new ArrayList<>();

    private Builder() {}

    /** The cluster's GCS address ({@code host:port}); default: {@code -Dray.address}, then {@code RAY_ADDRESS}. */
    public Builder address(String gcsAddress) {
      this.address = gcsAddress;
      return this;
    }

    /** How many actors the pool keeps warm (default 1). */
    public Builder numActors(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("numActors must be at least 1, not " + count);
      }
      this.numActors = count;
      return this;
    }

    /** CPUs each actor reserves. */
    public Builder numCpus(double cpus) {
      this.numCpus = cpus;
      return this;
    }

    /** GPUs each actor reserves. */
    public Builder numGpus(double gpus) {
      this.numGpus = gpus;
      return this;
    }

    /** Memory each actor reserves, in bytes. */
    public Builder memory(long bytes) {
      this.memoryBytes = bytes;
      return this;
    }

    /** A custom resource each actor reserves. */
    public Builder resource(String name, double amount) {
      this.resources.put(Objects.requireNonNull(name, "name"), amount);
      return this;
    }

    /** Environment variables of the actors' worker processes (only these; the driver's are not forwarded). */
    public Builder actorEnv(Map<String, String> variables) {
      this.actorEnv = new TreeMap<>(variables);
      return this;
    }

    /** The environment actions see through their context (default: empty). */
    public Builder env(Map<String, String> values) {
      this.env = PluginEnvironment.of(values);
      return this;
    }

    /** The environment actions see through their context. */
    public Builder env(PluginEnvironment environment) {
      this.env = Objects.requireNonNull(environment, "env");
      return this;
    }

    /** The job id given to actions' contexts. */
    public Builder jobId(String id) {
      this.jobId = id;
      return this;
    }

    /** Where the actions' events go on the driver (default: a console sink). */
    public Builder sink(EventSink eventSink) {
      this.sink = Objects.requireNonNull(eventSink, "sink");
      return this;
    }

    /**
     * The job's code search path: jars and directories workers load the runtime, this backend and
     * class-path plugins from. Default: this JVM's class path without Ray's own jar. Only used when
     * this executor is what initialises Ray in the JVM.
     */
    public Builder codeSearchPath(List<Path> entries) {
      this.codeSearchPath = List.copyOf(entries);
      return this;
    }

    /** Extra jars and directories holding plugins (e.g. a plugin directory's jars), loaded by each actor. */
    public Builder pluginClassPath(List<Path> entries) {
      this.pluginClassPath = new ArrayList<>(entries);
      return this;
    }

    /** The Ray namespace of the job (only when this executor initialises Ray). */
    public Builder namespace(String rayNamespace) {
      this.namespace = rayNamespace;
      return this;
    }

    /** How often Ray restarts a dead actor (default 0: the pool replaces it instead). */
    public Builder maxRestarts(int restarts) {
      this.maxRestarts = restarts;
      return this;
    }

    /** How often Ray retries a call whose actor died (needs {@link #maxRestarts} above 0). */
    public Builder maxTaskRetries(int retries) {
      this.maxTaskRetries = retries;
      return this;
    }

    /** How long a call may take before it fails (default 10 minutes). */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "callTimeout");
      return this;
    }

    /** How long the actors may take to be scheduled before building fails (default 60 s). */
    public Builder scheduleTimeout(Duration timeout) {
      this.scheduleTimeout = Objects.requireNonNull(timeout, "scheduleTimeout");
      return this;
    }

    /** Extra JVM options for the actors' workers (the {@code --add-opens} flags are always added). */
    public Builder jvmOptions(List<String> options) {
      this.jvmOptions = new ArrayList<>(options);
      return this;
    }

    /**
     * Connects to Ray if needed, starts the actors and waits until each answers.
     *
     * @throws ExecutionError when the cluster cannot schedule them (naming the lacking resource)
     * @throws PluginError (code {@code ray_unavailable}) when Ray cannot be reached
     */
    public RayActorExecutor build() {
      return new RayActorExecutor(this);
    }

    /** The settings that identify a pool, for sharing pools between runs with equal settings. */
    String poolKey() {
      return String.join("|", String.valueOf(RaySupport.resolveAddress(address)), String.valueOf(numActors),
          String.valueOf(numCpus), String.valueOf(numGpus), String.valueOf(memoryBytes), resources.toString(),
          actorEnv.toString(), String.valueOf(codeSearchPath), pluginClassPath.toString(), String.valueOf(namespace),
          String.valueOf(maxRestarts), String.valueOf(maxTaskRetries), callTimeout.toString(), jvmOptions.toString());
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.address = address;
      copy.numActors = numActors;
      copy.numCpus = numCpus;
      copy.numGpus = numGpus;
      copy.memoryBytes = memoryBytes;
      copy.resources = new TreeMap<>(resources);
      copy.actorEnv = new TreeMap<>(actorEnv);
      copy.env = env;
      copy.jobId = jobId;
      copy.sink = sink;
      copy.codeSearchPath = codeSearchPath;
      copy.pluginClassPath = new ArrayList<>(pluginClassPath);
      copy.namespace = namespace;
      copy.maxRestarts = maxRestarts;
      copy.maxTaskRetries = maxTaskRetries;
      copy.callTimeout = callTimeout;
      copy.scheduleTimeout = scheduleTimeout;
      copy.jvmOptions = new ArrayList<>(jvmOptions);
      return copy;
    }
  }
}
