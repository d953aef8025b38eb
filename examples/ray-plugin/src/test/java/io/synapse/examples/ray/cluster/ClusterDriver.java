package io.synapse.examples.ray.cluster;

import io.synapse.examples.ray.EchoAction_Descriptor;
import io.synapse.examples.ray.EchoParams;
import io.synapse.examples.ray.RayDemo;
import io.synapse.examples.ray.WordCountParams;
import io.synapse.examples.ray.jobs.ProbeAction_Descriptor;
import io.synapse.examples.ray.jobs.ProbeParams;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import io.synapse.plugins.executors.ray.RayJobBackend;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.executors.ray.RayOptions;
import io.synapse.plugins.executors.ray.RayTaskBackend;
import io.synapse.plugins.json.Json;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A driver run in the two-node cluster's network namespace by {@link TwoNodeClusterTest}: runs one
 * scenario and prints {@code RESULT <json>} (what it saw) or {@code ERROR <json>} (a typed error's class,
 * code, message and details). The test asserts on that. Every actor and job entrypoint asks for the
 * {@code synapse_worker} resource, which only the worker node has.
 *
 * <p>Arguments: the scenario, the GCS address, the dashboard URL, then the scenario's own.
 */
public final class ClusterDriver {
  private static final Duration WAIT = Duration.ofMinutes(4);
  private static final String WORKER = "synapse_worker";

  private ClusterDriver() {}

  /** Runs {@code args[0]}. */
  public static void main(String[] args) {
    String scenario = args[0];
    String address = args[1];
    String dashboard = args[2];
    List<String> rest = List.of(args).subList(3, args.length);
    int status = 0;
    try {
      Map<String, Object> result = switch (scenario) {
        case "task" -> task(address, rest);
        case "job" -> job(dashboard, rest);
        case "path-plugin" -> pathPlugin(address, dashboard, rest);
        case "working-dir" -> workingDir(address, dashboard, rest);
        case "refused" -> refused(address, dashboard);
        default -> throw new IllegalArgumentException("unknown scenario " + scenario);
      };
      System.out.println("RESULT " + Json.write(result));
    } catch (PluginError e) {
      System.out.println("ERROR " + Json.write(error(e)));
      status = 1;
    } finally {
      RayTaskBackend.shutdownAll();
    }
    System.out.flush();
    System.exit(status);
  }

  private static Map<String, Object> error(PluginError e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("class", e.getClass().getName());
    error.put("code", e.code());
    error.put("message", e.getMessage());
    error.put("details", io.synapse.plugins.spi.Writers.ANY.write(e.details()));
    return error;
  }

  private static ProbeParams probe(List<String> read, String variable, List<String> visible) {
    return new ProbeParams(read.stream().map(Path::of).toList(), variable, visible);
  }

  private static <R> Object written(ActionDescriptor<?, R> action, Object result) {
    @SuppressWarnings("unchecked")
    R typed = (R) result;
    return action.writeResult(typed);
  }

  /**
   * A pool of two actors on the worker node, its dashboard the cluster's default (its head on port 8265):
   * executeAll of probes and echoes, a typed facade call, then an equal second pool that uploads nothing.
   * {@code rest}: paths whose visibility the probes report.
   */
  private static Map<String, Object> task(String address, List<String> visible) {
    Map<String, Object> out = new LinkedHashMap<>();
    RayActorExecutor.Builder builder = RayActorExecutor.builder().address(address).numActors(2).resource(WORKER, 1)
        .sink(EventSink.discarding()).scheduleTimeout(Duration.ofSeconds(180));
    try (RayActorExecutor pool = builder.build()) {
      out.put("size", pool.size());
      out.put("worker_pids", pool.workerPids());
      out.put("packages", pool.packages());
      List<Object> probes = new ArrayList<>();
      for (Object probe : pool.executeAll(ProbeAction_Descriptor.INSTANCE, List.of(probe(List.of(), null, visible),
          probe(List.of(), null, visible), probe(List.of(), null, visible), probe(List.of(), null, visible)))) {
        probes.add(written(ProbeAction_Descriptor.INSTANCE, probe));
      }
      out.put("probes", probes);
      List<EchoParams> echoes = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        echoes.add(new EchoParams("m" + i, 300, false));
      }
      List<Object> echoed = new ArrayList<>();
      pool.executeAll(EchoAction_Descriptor.INSTANCE, echoes).forEach(echo -> echoed.add(written(EchoAction_Descriptor.INSTANCE, echo)));
      out.put("echoes", echoed);
      out.put("word_count", io.synapse.examples.ray.WordCountAction_Descriptor.INSTANCE.writeResult(
          RayDemo.wordCount(new WordCountParams(List.of("the cat", "the dog"), 1), pool)));
      try (RayActorExecutor second = builder.build()) {
        out.put("second_packages", second.packages());
        out.put("second_uploads", second.packageUploads());
      }
    }
    return out;
  }

  /** A probe and a word count as jobs whose entrypoints run on the worker node. {@code rest}: paths to check. */
  private static Map<String, Object> job(String dashboard, List<String> visible) {
    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl(dashboard).entrypointResource(WORKER, 1).build();
    String probeId = jobs.submit(ProbeAction_Descriptor.INSTANCE, probe(List.of(), null, visible)).id();
    String countId = jobs.submit(io.synapse.examples.ray.WordCountAction_Descriptor.INSTANCE, Map.of("lines", List.of("a b a"))).id();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("probe", written(ProbeAction_Descriptor.INSTANCE, jobs.wait(probeId, WAIT)));
    out.put("word_count", written(io.synapse.examples.ray.WordCountAction_Descriptor.INSTANCE, jobs.wait(countId, WAIT)));
    out.put("uploads", jobs.jarUploads());
    return out;
  }

  /** The packaged plugin directory {@code rest[0]} run by path in TASK and JOB mode on the worker node. */
  private static Map<String, Object> pathPlugin(String address, String dashboard, List<String> rest) {
    String plugin = rest.get(0);
    Map<String, Object> params = Map.of("inputPath", "/data/in.csv", "outputPath", "/data/out.csv");
    RunOptions options = RunOptions.builder().sink(EventSink.discarding()).option(RayOptions.ADDRESS, address)
        .option(RayOptions.DASHBOARD_URL, dashboard).option(RayOptions.RESOURCES, Map.of(WORKER, 1))
        .option(RayOptions.JOB_RESOURCES, Map.of(WORKER, 1)).build();
    ActionDescriptor<?, ?> process = PluginRunner.discover(plugin).descriptor("process");
    Map<String, Object> out = new LinkedHashMap<>();
    Object task = PluginRunner.runPlugin(plugin, "process", params, ExecutionMode.TASK, options);
    out.put("task_class", task.getClass().getName());
    out.put("task_loader_is_the_plugins", task.getClass().getClassLoader() == process.actionClass().getClassLoader());
    out.put("task", written(process, task));
    String id = (String) PluginRunner.runPlugin(plugin, "process", params, ExecutionMode.JOB, options);
    Object job = RayJobBackend.executor(options).wait(id, WAIT);
    out.put("job_class", job.getClass().getName());
    out.put("job", written(process, job));
    return out;
  }

  /**
   * The working directory {@code rest[0]} (files {@code data.txt}, {@code sub/nested.txt}, a link {@code alias.txt})
   * shipped to a TASK pool, to a runPlugin TASK run and to a job, with {@code runtime_env.env_vars}; the probe
   * reads the files by relative paths and the variable {@code SYNAPSE_PROBE}. {@code rest[1..]}: paths to check.
   */
  private static Map<String, Object> workingDir(String address, String dashboard, List<String> rest) {
    Path directory = Path.of(rest.get(0));
    List<String> visible = rest.subList(1, rest.size());
    ProbeParams params = probe(List.of("data.txt", "sub/nested.txt", "alias.txt"), "SYNAPSE_PROBE", visible);
    Map<String, Object> runtimeEnv = Map.of("env_vars", Map.of("SYNAPSE_PROBE", "from-runtime-env"));
    Map<String, Object> out = new LinkedHashMap<>();
    try (RayActorExecutor pool = RayActorExecutor.builder().address(address).dashboardUrl(dashboard).resource(WORKER, 1)
        .workingDir(directory).runtimeEnv(runtimeEnv).sink(EventSink.discarding()).scheduleTimeout(Duration.ofSeconds(180)).build()) {
      out.put("task_packages", pool.packages());
      out.put("task", written(ProbeAction_Descriptor.INSTANCE, pool.execute(ProbeAction_Descriptor.INSTANCE, params)));
    }
    RunOptions options = RunOptions.builder().sink(EventSink.discarding()).workingDir(directory).runtimeEnv(runtimeEnv)
        .option(RayOptions.ADDRESS, address).option(RayOptions.DASHBOARD_URL, dashboard).option(RayOptions.RESOURCES, Map.of(WORKER, 1))
        .option(RayOptions.JOB_RESOURCES, Map.of(WORKER, 1)).build();
    Map<String, Object> untyped = ProbeAction_Descriptor.INSTANCE.writeParams(params);
    out.put("run_plugin_task", written(ProbeAction_Descriptor.INSTANCE,
        PluginRunner.runPlugin("ray_job_demo", "probe", untyped, ExecutionMode.TASK, options)));
    String id = (String) PluginRunner.runPlugin("ray_job_demo", "probe", untyped, ExecutionMode.JOB, options);
    out.put("job", written(ProbeAction_Descriptor.INSTANCE, RayJobBackend.executor(options).wait(id, WAIT)));
    out.put("local", written(ProbeAction_Descriptor.INSTANCE, PluginRunner.runPlugin("ray_job_demo", "probe", untyped,
        ExecutionMode.LOCAL, options)));
    return out;
  }

  /**
   * A pip key in runtime_env, in TASK and JOB mode and on both builders: refused before anything reaches the
   * cluster (no pool, no actor, no job).
   */
  private static Map<String, Object> refused(String address, String dashboard) {
    Map<String, Object> out = new LinkedHashMap<>();
    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl(dashboard).build();
    int jobsBefore = jobs.list().size();
    Map<String, Object> pip = Map.of("pip", List.of("requests==2.32.3"), "env_vars", Map.of("A", "1"));
    RunOptions options = RunOptions.builder().sink(EventSink.discarding()).runtimeEnv(pip).option(RayOptions.ADDRESS, address)
        .option(RayOptions.DASHBOARD_URL, dashboard).build();
    out.put("task", attempt(() -> PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "x"), ExecutionMode.TASK, options)));
    out.put("job", attempt(() -> PluginRunner.runPlugin("ray_demo", "echo", Map.of("message", "x"), ExecutionMode.JOB, options)));
    out.put("task_builder", attempt(() -> RayActorExecutor.builder().address(address).runtimeEnv(pip)));
    out.put("job_builder", attempt(() -> RayJobExecutor.builder().runtimeEnv(pip)));
    out.put("pools", RayTaskBackend.poolCount());
    out.put("ray_initialized", rayInitialized());
    out.put("jobs_added", jobs.list().size() - jobsBefore);
    return out;
  }

  // Ray's API is on the driver's class path at run time only (ray_dist.jar), so it is asked reflectively here, in a test.
  private static boolean rayInitialized() {
    try {
      return (Boolean) Class.forName("io.ray.api.Ray").getMethod("isInitialized").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Ray's API is not on the driver's class path", e);
    }
  }

  private static Object attempt(java.util.function.Supplier<Object> call) {
    try {
      call.get();
      return "no error";
    } catch (PluginError e) {
      return error(e);
    }
  }
}
