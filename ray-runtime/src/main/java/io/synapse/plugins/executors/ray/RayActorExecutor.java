package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.events.ConsoleSink;
import io.synapse.plugins.context.CancellationToken;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.CancellableFuture;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.executors.remote.RemoteFailures;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.observation.RunObservers;
import io.synapse.plugins.observation.RunScope;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The TASK backend: a warm pool of Ray actors that run actions and stay up between calls. Each call
 * goes to the least busy actor; an actor that dies is replaced and later calls keep working.
 * Requests and replies are {@link RemoteProtocol} messages, so the result is the same typed object a
 * LOCAL run returns and failures are the same typed errors.
 *
 * <pre>{@code
 * try (RayActorExecutor pool = RayActorExecutor.builder().address("10.0.0.5:6379").numActors(2).build()) {
 *   ProcessResult result = MyPlugin.process(params, pool);
 * }
 * }</pre>
 *
 * <p><b>How code reaches the cluster.</b> Building the pool zips this JVM's class path (without Ray's own
 * jars) and the plugin's jars into one content-addressed package, and the working directory, if any, into
 * another; it uploads each through the dashboard's package API unless the cluster already has it, and
 * starts every actor with them as its {@code java_jars} and {@code working_dir}, so no node needs any
 * file of the driver's. The packages stay pinned in the cluster while the pool is open. The job's code
 * search path is empty unless {@link Builder#codeSearchPath} names paths every node has.
 *
 * <p>The driver JVM needs Ray's Java runtime ({@code ray_dist.jar} of the installed Python {@code ray})
 * on its class path and the {@code --add-opens} flags of {@link #driverJvmFlags()}; the executor adds
 * the same flags to its workers itself. Thread-safe; {@link #close()} kills the actors it created.
 */
public final class RayActorExecutor implements Executor, AutoCloseable {
  private static final AtomicLong REQUESTS = new AtomicLong();
  private static final String REQUEST_PREFIX = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";

  private final TaskSettings settings;
  private final ContextSettings context;
  private final ActorPool pool;
  private final ExecutorService callers;

  RayActorExecutor(TaskSettings settings, ContextSettings context) {
    this.settings = settings;
    this.context = context;
    AtomicInteger threads = new AtomicInteger();
    this.callers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "synapse-ray-call-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      this.pool = new ActorPool(settings);
    } catch (RuntimeException e) {
      callers.shutdownNow();
      throw e;
    }
  }

  /** A builder with the defaults: one actor, no resource requests beyond Ray's, a 10-minute call timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** The JVM flags a driver needs on JDK 17 ({@code --add-opens} for Ray's serialiser). */
  public static List<String> driverJvmFlags() {
    return RayConnection.addOpensFlags();
  }

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.TASK;
  }

  /**
   * Runs the action on the least busy actor and waits for it. The params are checked on the driver first
   * by the rules untyped params are bound by (unless {@link Builder#validateOnDriver(boolean)} is false).
   *
   * @throws io.synapse.plugins.errors.ValidationError when the params break the action's rules
   * @throws ExecutionError when the action fails, the actor dies, or the call times out
   */
  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, P params) {
    return call(action, written(action, params), context);
  }

  /**
   * Binds and checks untyped params on the driver (unless {@link Builder#validateOnDriver(boolean)} is
   * false: then only the worker binds them), then runs the action on the least busy actor.
   *
   * @throws io.synapse.plugins.errors.ValidationError when the params break the action's rules
   * @throws ExecutionError when the action fails, the actor dies, or the call times out
   */
  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, Map<String, ?> params) {
    Map<String, ?> input = params == null ? Map.of() : params;
    Map<String, Object> sent = settings.cluster().validateOnDriver() ? action.writeParams(action.bindParams(input)) : new java.util.LinkedHashMap<String, Object>(input);
    return call(action, sent, context);
  }

  /**
   * Runs the action asynchronously; the future fails with the same typed errors. {@code cancel(true)} on it
   * reaches the action on its worker ({@code ctx().isCancelled()} turns true, its thread is interrupted, a
   * step workflow rolls back); an action still running after the {@link Builder#cancelGrace grace period}
   * has its actor killed and replaced. {@link CancellableFuture#stopped()} completes when the call has ended
   * on the cluster; its events keep reaching the sink until then.
   */
  public <P extends Record, R> CancellableFuture<R> submit(ActionDescriptor<P, R> action, P params) {
    Map<String, Object> written = written(action, params);
    CancellationToken token = new CancellationToken();
    CancellableFuture<R> future = new CancellableFuture<>(token);
    callers.execute(() -> {
      try {
        future.complete(call(action, written, context, token));
      } catch (Throwable e) {
        future.completeExceptionally(e);
      } finally {
        future.runEnded();
      }
    });
    return future;
  }

  /**
   * Cancels a call started with {@link #submit}: the same as {@code call.cancel(true)}.
   *
   * @return whether it was still running
   */
  public boolean cancel(Future<?> call) {
    return call.cancel(true);
  }

  /**
   * Runs the action once per params, spread over the pool, and returns the results in order. The calls go to
   * the actors in chunks of up to {@value ChunkedCalls#MAX_CHUNK} (one Ray call each, a chunk growing from one
   * call while chunks end quickly), at most {@value ChunkedCalls#WINDOW} chunks queued per actor, all followed
   * from the calling thread: no thread per call, memory bounded by the chunks in flight and the results.
   *
   * <p>Every call gets its own outcome. Params that break the action's rules (checked on the driver) fail
   * that call only, with the {@link io.synapse.plugins.errors.ValidationError} {@link #execute} throws; an
   * action's failure is that call's typed error. A chunk whose actor died is sent again, whole, to the
   * replaced actor as the retry policy says (so a call in it may run twice, as the one running call of a
   * single {@link #execute} may), each retry reported to the sink; after the last retry its calls fail with
   * an {@link ExecutionError} of reason {@code actor_died}. A chunk running longer than the call timeout
   * times its number of calls fails its calls with reason {@code timeout} (the actor replaced; the chunks
   * queued behind it, not started, are sent again). Errors the pool builds name the call's index in their
   * message and in the detail {@code item}. Each call's events reach the sink when its chunk ends, before
   * the next call's; interrupting the calling thread tells the calls sent to stop and ends with a
   * {@link io.synapse.plugins.errors.CancelledError}.
   *
   * @return the results, in the order of {@code paramsList} (empty for an empty list)
   * @throws PluginError the first failed call's error, the later ones attached as suppressed, in order
   * @throws NullPointerException when the list or one of its elements is null (nothing runs)
   */
  public <P extends Record, R> List<R> executeAll(ActionDescriptor<P, R> action, List<P> paramsList) {
    Objects.requireNonNull(action, "action");
    List<P> all = new ArrayList<>(Objects.requireNonNull(paramsList, "paramsList"));
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == null) {
        throw new NullPointerException("paramsList[" + i + "] is null: executeAll runs none of the " + all.size() + " calls");
      }
    }
    if (all.isEmpty()) {
      return new ArrayList<>();
    }
    return ChunkedCalls.run(pool, action, context, (index, id, runContext) -> request(action, id, written(action, all.get(index)), context,
        runContext), RayActorExecutor::nextId, all.size());
  }

  /** The process ids of the pool's workers, in slot order (a ping per actor). */
  public List<Long> workerPids() {
    List<Long> pids = new ArrayList<>();
    for (Map<?, ?> pong : pool.ping()) {
      pids.add(((Number) pong.get("pid")).longValue());
    }
    return pids;
  }

  /** How many actors the pool holds. */
  public int size() {
    return pool.size();
  }

  /**
   * The {@code gcs://} packages the actors run from (the code package and any jar URIs, then the working
   * directory), kept pinned in the cluster while this executor is open.
   */
  public List<String> packages() {
    return pool.packages();
  }

  /** How many packages building this pool uploaded: none when the cluster already held them all. */
  public int packageUploads() {
    return pool.uploads();
  }

  /** Kills the actors this executor created and releases its packages. Calls after close fail. */
  @Override
  public void close() {
    pool.close();
    callers.shutdownNow();
  }

  /** At JVM exit: releases the packages and stops calls, leaving the actors to the cluster, which ends them with the driver. */
  void abandon() {
    pool.abandon();
    callers.shutdownNow();
  }

  /** Same as {@link #close()}. */
  public void shutdown() {
    close();
  }

  /** Like {@link #call(ActionDescriptor, Map, ContextSettings, CancellationToken)}, stopped by interrupting the calling thread only. */
  <R> R call(ActionDescriptor<?, R> action, Map<String, Object> params, ContextSettings callContext) {
    return call(action, params, callContext, CancellationToken.never());
  }

  /**
   * Sends written params with {@code callContext}'s environment, job id and language; the events reach its
   * sink while the call runs, and all of them before its result or error. Cancelling {@code token}, or
   * interrupting the calling thread, stops the call on its worker.
   */
  <R> R call(ActionDescriptor<?, R> action, Map<String, Object> params, ContextSettings callContext, CancellationToken token) {
    // Observers see the call from the driver's side and carry their context (a trace parent) to the worker's run.
    RunScope observed = RunObservers.startDriving(action.pluginCode(), action.config().name(), ExecutionMode.TASK,
        callContext.jobId(), null, null);
    return RunObservers.finishing(observed, () -> call(action, params, callContext, token, observed));
  }

  private <R> R call(ActionDescriptor<?, R> action, Map<String, Object> params, ContextSettings callContext, CancellationToken token,
      RunScope observed) {
    String id = nextId();
    Map<String, String> runContext = new TreeMap<>();
    observed.propagate(runContext);
    RemoteMessage.Request request = request(action, id, params, callContext, runContext);
    EventSink sink = callContext.sink();
    ActorCall.Control control = new ActorCall.Control();
    CancellationToken.Registration cancelling = token.onCancel(() -> control.cancel(token.reason().orElse("cancelled")));
    String transcript;
    try {
      transcript = pool.call(action, id, RemoteProtocol.write(request), control, event -> sink.accept(event.event()),
          (what, retry, maxRetries, delay, cause) -> sink.accept(RetryPolicy.retryEvent(action.config().name(), callContext.jobId(), what,
              retry, maxRetries, delay, cause)));
    } catch (RuntimeException e) {
      sink.flush();
      throw e;
    } finally {
      cancelling.close();
      if ("the calling thread was interrupted".equals(control.reason())) {
        Thread.currentThread().interrupt();
      }
    }
    RemoteMessage.Outcome outcome = null;
    for (RemoteMessage message : RemoteProtocol.readTranscript(transcript)) {
      if (message instanceof RemoteMessage.Event event) {
        sink.accept(event.event());
      } else if (message instanceof RemoteMessage.Outcome last) {
        outcome = last;
      }
    }
    sink.flush();
    if (outcome == null) {
      throw new PluginError(RemoteProtocol.PROTOCOL_ERROR, "A Ray actor answered action '" + action.config().name()
          + "' without a result or a failure", Map.of("action", action.config().name()));
    }
    return RemoteFailures.outcome(outcome, action);
  }

  private static String nextId() {
    return REQUEST_PREFIX + Long.toHexString(REQUESTS.incrementAndGet());
  }

  private RemoteMessage.Request request(ActionDescriptor<?, ?> action, String id, Map<String, Object> params, ContextSettings callContext,
      Map<String, String> runContext) {
    return new RemoteMessage.Request(id, action.pluginCode(), action.config().name(), params, callContext.env().asMap(), callContext.jobId(),
        pool.hasWorkingDir() ? "." : null, callContext.language(), null, null, runContext);
  }

  private <P extends Record> Map<String, Object> written(ActionDescriptor<P, ?> action, P params) {
    Map<String, Object> written = action.writeParams(Objects.requireNonNull(params, "params"));
    if (settings.cluster().validateOnDriver()) {
      action.bindParams(written);
    }
    return written;
  }

  /**
   * Builds a {@link RayActorExecutor}; building starts the actors and waits until they are scheduled. The
   * dashboard, code, runtime env, JVM options and check setters are {@link RayExecutorBuilder}'s; the
   * environment, job id, working directory and sink are {@link ContextSettings.Builder}'s: the environment
   * and job id are what every call's action sees, the working directory is shipped with the pool, the sink
   * receives the actions' events on the driver (default: a console sink).
   */
  public static final class Builder extends RayExecutorBuilder<Builder> {
    private String address;
    private int numActors = 1;
    private Double numCpus;
    private Double numGpus;
    private Long memoryBytes;
    private final Map<String, Double> resources = new TreeMap<>();
    private Map<String, String> actorEnv = new TreeMap<>();
    private List<Path> codeSearchPath;
    private List<Path> pluginClassPath = new ArrayList<>();
    private String namespace;
    private int maxRestarts;
    private int maxTaskRetries;
    private Duration callTimeout = Duration.ofMinutes(10);
    private Duration scheduleTimeout = Duration.ofSeconds(60);
    private Duration pinInterval = PackageUploader.DEFAULT_PIN_INTERVAL;

    private Builder() {
      super(new ConsoleSink());
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The cluster's GCS address ({@code host:port}); default: {@code -Dray.address}, then {@code RAY_ADDRESS} ({@link RayDefaults}). */
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

    /** A custom resource each actor reserves (a node's {@code --resources}), which pins the actors to nodes that have it. */
    public Builder resource(String name, double amount) {
      this.resources.put(Objects.requireNonNull(name, "name"), amount);
      return this;
    }

    /**
     * Environment variables of the actors' worker processes (only these; the driver's are not forwarded).
     * The same as runtime_env's {@code env_vars}, and these win.
     */
    public Builder actorEnv(Map<String, String> variables) {
      this.actorEnv = new TreeMap<>(variables);
      return this;
    }

    /**
     * The job's code search path: paths every node of the cluster has, where workers also look for
     * classes. Default: none (workers load code from the pool's packages only). Only used when this
     * executor is what initialises Ray in the JVM.
     */
    public Builder codeSearchPath(List<Path> entries) {
      this.codeSearchPath = List.copyOf(entries);
      return this;
    }

    /** Extra jars and directories holding plugins (e.g. a plugin directory's jars), shipped in the code package. */
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

    /** How long the actors may take to be scheduled and set up before building fails (default 60 s). */
    public Builder scheduleTimeout(Duration timeout) {
      this.scheduleTimeout = Objects.requireNonNull(timeout, "scheduleTimeout");
      return this;
    }

    /**
     * How often the pool's packages are pinned again in the cluster while it is open (default 5 minutes;
     * the cluster drops an unreferenced package after 10).
     */
    public Builder pinInterval(Duration interval) {
      this.pinInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Connects to Ray if needed, uploads the packages the cluster lacks, starts the actors and waits
     * until each answers.
     *
     * @throws ExecutionError when the cluster cannot schedule them (naming the lacking resource) or cannot
     *     set up their runtime environment (saying where the cause is logged)
     * @throws PluginError (code {@code ray_unavailable}) when Ray's Java runtime is not on the class path,
     *     no cluster address is given or set, or Ray cannot be reached
     * @throws io.synapse.plugins.errors.ConfigError when the working directory cannot be shipped
     */
    public RayActorExecutor build() {
      RayConnection.requireRuntime();
      return new RayActorExecutor(settings(), contextSettings());
    }

    /** The pool's settings: what {@link RayTaskBackend} keeps one pool per. */
    TaskSettings settings() {
      ClusterSettings cluster = clusterSettings();
      RuntimeEnvSpec env = cluster.runtimeEnv().withWorkingDir(contextSettings().workingDir()).withEnvVars(actorEnv);
      return new TaskSettings(RayConnection.resolveAddress(address), cluster.withRuntimeEnv(env), numActors, numCpus, numGpus,
          memoryBytes, resources, codeSearchPath, pluginClassPath, namespace, maxRestarts, maxTaskRetries, callTimeout, scheduleTimeout,
          pinInterval);
    }
  }
}
