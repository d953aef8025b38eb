package io.synapse.plugins.testing;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.executors.ActionDescriptors;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.executors.ray.RayJobBackend;
import io.synapse.plugins.executors.ray.RayOptions;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.testing.ray.RayHead;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one action in a test and hands back an {@link ActionRun} to assert on: its result or error, and every
 * event it reported. LOCAL runs happen in this JVM; {@link #onTask(RayHead)} runs on a warm pool of Ray
 * actors and {@link #onJob(RayHead)} as a Ray Job, on the head of {@link io.synapse.plugins.testing.ray.WithRayHead}.
 * A tester is immutable: every setter returns a new one, so one base tester can be shared by a test class.
 *
 * <pre>{@code
 * ActionTester<ProcessParams, ProcessResult> process = ActionTester.of(ProcessAction.class).env("MODE", "fast");
 * process.run(Map.of("input", "a.csv"))
 *     .assertSucceeded()
 *     .assertProgressCompleted()
 *     .assertMetric("process", "processed", 3)
 *     .assertLogged("process_start");
 * process.run(Map.of("repeat", 0)).assertInvalid("input", "repeat");
 * }</pre>
 *
 * @param <P> the action's params record
 * @param <R> the action's result
 */
public final class ActionTester<P extends Record, R> {
  private final ActionDescriptor<P, R> action;
  private final Map<String, String> env;
  private final String jobId;
  private final ExecutionMode mode;
  private final RayHead ray;
  private final Duration jobTimeout;
  private final Path workingDir;

  private ActionTester(ActionDescriptor<P, R> action, Map<String, String> env, String jobId, ExecutionMode mode,
      RayHead ray, Duration jobTimeout, Path workingDir) {
    this.action = action;
    this.env = Map.copyOf(env);
    this.jobId = jobId;
    this.mode = mode;
    this.ray = ray;
    this.jobTimeout = jobTimeout;
    this.workingDir = workingDir;
  }

  /** A tester of the action whose generated descriptor is {@code descriptor}, LOCAL, with an empty environment. */
  public static <P extends Record, R> ActionTester<P, R> of(ActionDescriptor<P, R> descriptor) {
    return new ActionTester<>(Objects.requireNonNull(descriptor, "descriptor"), Map.of(), null, ExecutionMode.LOCAL,
        null, Duration.ofMinutes(5), null);
  }

  /**
   * A tester of the annotated action class {@code actionClass} (compiled with the processor).
   *
   * @throws io.synapse.plugins.errors.ActionNotFoundError when no generated registry lists the class
   */
  @SuppressWarnings("unchecked")
  public static <P extends Record, R> ActionTester<P, R> of(Class<? extends BaseAction<P, R>> actionClass) {
    return of((ActionDescriptor<P, R>) ActionDescriptors.forClass(actionClass));
  }

  /**
   * A tester of action {@code action} of the plugin whose code (or Java package) is {@code plugin}, found on the
   * class path; for tests that name actions as the platform does.
   *
   * @throws io.synapse.plugins.errors.PluginNotFoundError when no such plugin is on the class path
   * @throws io.synapse.plugins.errors.ActionNotFoundError when it has no such action
   */
  public static ActionTester<? extends Record, ?> of(String plugin, String action) {
    return of(PluginDiscovery.fromModule(plugin).descriptor(action));
  }

  /** This tester with the environment variable {@code name} set for the action (the process's own are never given). */
  public ActionTester<P, R> env(String name, String value) {
    Map<String, String> merged = new LinkedHashMap<>(env);
    merged.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ActionTester<>(action, merged, jobId, mode, ray, jobTimeout, workingDir);
  }

  /** This tester with exactly {@code values} as the action's environment. */
  public ActionTester<P, R> env(Map<String, String> values) {
    return new ActionTester<>(action, values, jobId, mode, ray, jobTimeout, workingDir);
  }

  /** This tester giving the action the job id {@code id}. */
  public ActionTester<P, R> jobId(String id) {
    return new ActionTester<>(action, env, id, mode, ray, jobTimeout, workingDir);
  }

  /**
   * This tester running the action in {@code directory}: the action sees it as {@code ctx().workingDir()}, relative
   * {@code Path} params resolve against it, and the Ray modes ship it to the cluster (TASK with the pool, JOB with
   * the job) and run the action in their copy. Afterwards {@link ActionRun#assertWorkingDirContains} checks what a
   * LOCAL run wrote there.
   */
  public ActionTester<P, R> workingDir(Path directory) {
    return new ActionTester<>(action, env, jobId, mode, ray, jobTimeout, Objects.requireNonNull(directory, "directory"));
  }

  /** This tester running in this JVM (the default). */
  public ActionTester<P, R> local() {
    return new ActionTester<>(action, env, jobId, ExecutionMode.LOCAL, null, jobTimeout, workingDir);
  }

  /** This tester running on a warm pool of Ray actors on {@code head} (the pool is shared by equal settings). */
  public ActionTester<P, R> onTask(RayHead head) {
    return new ActionTester<>(action, env, jobId, ExecutionMode.TASK, Objects.requireNonNull(head, "head"), jobTimeout, workingDir);
  }

  /** This tester submitting the action as a Ray Job to {@code head}'s dashboard and waiting for it. */
  public ActionTester<P, R> onJob(RayHead head) {
    return new ActionTester<>(action, env, jobId, ExecutionMode.JOB, Objects.requireNonNull(head, "head"), jobTimeout, workingDir);
  }

  /** This tester waiting at most {@code timeout} for a Ray Job (default 5 minutes). */
  public ActionTester<P, R> jobTimeout(Duration timeout) {
    return new ActionTester<>(action, env, jobId, mode, ray, Objects.requireNonNull(timeout, "timeout"), workingDir);
  }

  /** The mode runs use. */
  public ExecutionMode mode() {
    return mode;
  }

  /**
   * Runs the action with untyped params (a JSON-like map, as the platform sends them). A failure, invalid
   * params included, is recorded in the returned run rather than thrown.
   */
  public ActionRun<R> run(Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    return execute(params, null);
  }

  /** Runs the action with params built in Java; a failure is recorded in the returned run rather than thrown. */
  public ActionRun<R> run(P params) {
    Objects.requireNonNull(params, "params");
    return execute(null, params);
  }

  private ActionRun<R> execute(Map<String, ?> untyped, P typed) {
    RecordingSink sink = new RecordingSink();
    Instant started = Instant.now();
    R result = null;
    Throwable error = null;
    try {
      result = switch (mode) {
        case LOCAL -> runLocally(untyped, typed, sink);
        case TASK, JOB -> runOnRay(untyped != null ? untyped : action.writeParams(typed), sink);
      };
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      error = e;
    }
    return new ActionRun<>(action.pluginCode(), action.config().name(), mode, env, jobId, workingDir, result, error, sink.events(),
        Duration.between(started, Instant.now()));
  }

  private R runLocally(Map<String, ?> untyped, P typed, RecordingSink sink) {
    LocalExecutor executor = LocalExecutor.builder().env(env).jobId(jobId).workingDir(workingDir).sink(sink).build();
    return typed != null ? executor.execute(action, typed) : executor.execute(action, untyped);
  }

  // Both Ray backends hand back the action's own typed result, as LOCAL does.
  @SuppressWarnings("unchecked")
  private R runOnRay(Map<String, ?> params, RecordingSink sink) {
    RunOptions.Builder options = RunOptions.builder().env(env).jobId(jobId).workingDir(workingDir).sink(sink)
        .actionClass(action.actionClass());
    if (mode == ExecutionMode.TASK) {
      // The pool ships its code through the dashboard.
      options.option(RayOptions.ADDRESS, ray.address()).option(RayOptions.DASHBOARD_URL, ray.dashboardUrl());
      return (R) PluginRunner.runPlugin(action.pluginCode(), action.config().name(), params, mode, options.build());
    }
    RunOptions built = options.option(RayOptions.DASHBOARD_URL, ray.dashboardUrl()).build();
    Object submitted = PluginRunner.runPlugin(action.pluginCode(), action.config().name(), params, mode, built);
    return (R) RayJobBackend.executor(built).wait(String.valueOf(submitted), jobTimeout);
  }
}
