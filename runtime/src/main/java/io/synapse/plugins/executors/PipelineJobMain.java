package io.synapse.plugins.executors;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.context.PluginEnvironment;
import io.synapse.plugins.context.Redactor;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.executors.remote.RemoteFailures;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.internal.Json;
import io.synapse.plugins.observation.RunObservers;
import io.synapse.plugins.pipeline.Pipeline;
import io.synapse.plugins.pipeline.Pipelines;
import io.synapse.plugins.pipeline.store.RunStores;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entrypoint of a whole-pipeline JOB: {@code java -cp <code package> io.synapse.plugins.executors.PipelineJobMain
 * <request file>}. It opens the run store the request names, finds the plugin by code among its own registries
 * (never by a path), and resumes the recorded run in this JVM (LOCAL), which runs it from its first action not
 * done. Its output is {@link JobMain}'s: each event as a protocol event message, then the outcome (the last
 * action's result, or the failure) between the request's markers; exit status 0 on success, 1 when the run
 * failed, 2 when the request could not be read.
 *
 * <p><b>Request file</b> (UTF-8 JSON, found as given or in a {@code PYTHONPATH} directory):
 * {@code {"protocol": "synapse-pipeline-job", "version": 1, "plugin", "pipeline", "run_id", "store", "env",
 * "job_id", "working_dir", "language", "marker", "run_context", "secret_params", "run_dir"}}.
 */
public final class PipelineJobMain {
  /** The request's protocol name. */
  public static final String PROTOCOL = "synapse-pipeline-job";

  private PipelineJobMain() {}

  /** Runs the request file {@code args[0]} and exits with its status. */
  public static void main(String[] args) {
    JobMain.exit("synapse pipeline job", args, PipelineJobMain::run, RunStores::closeAll);
  }

  /** The request file's text for a run. */
  public static String request(String plugin, String pipeline, String runId, String store, Map<String, String> env, String jobId,
      String workingDir, String language, String marker, Map<String, String> runContext, Map<String, Object> secretParams,
      String runDir) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("protocol", PROTOCOL);
    json.put("version", 1);
    json.put("plugin", plugin);
    json.put("pipeline", pipeline);
    json.put("run_id", runId);
    json.put("store", store);
    json.put("env", env);
    json.put("job_id", jobId);
    json.put("working_dir", workingDir);
    json.put("language", language);
    json.put("marker", marker);
    if (runContext != null && !runContext.isEmpty()) {
      json.put("run_context", runContext);
    }
    json.put("secret_params", secretParams);
    json.put("run_dir", runDir);
    return Json.write(json);
  }

  private static int run(String[] args, PrintStream out) {
    if (args.length != 1) {
      System.err.println("usage: java -cp <class path> " + PipelineJobMain.class.getName() + " <request file>");
      return 2;
    }
    Map<?, ?> request = read(JobMain.locate(args[0]));
    String runId = text(request, "run_id");
    String marker = text(request, "marker");
    Map<String, String> env = new LinkedHashMap<>();
    if (request.get("env") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
    }
    Map<String, Object> secrets = new LinkedHashMap<>();
    if (request.get("secret_params") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> secrets.put(String.valueOf(k), v));
    }
    Map<String, String> runContext = new LinkedHashMap<>();
    if (request.get("run_context") instanceof Map<?, ?> given) {
      given.forEach((k, v) -> runContext.put(String.valueOf(k), String.valueOf(v)));
    }
    Redactor redactor = Redactor.builder().environment(PluginEnvironment.of(env)).build();
    RunOptions.Builder options = RunOptions.builder().env(env).jobId((String) request.get("job_id"))
        .sink(event -> out.println(RemoteProtocol.write(new RemoteMessage.Event(runId, event))))
        .option(RunStores.OPTION, text(request, "store")).option(Pipelines.RECORDED_MODE_OPTION, "job");
    if (request.get("working_dir") != null) {
      options.workingDir(Path.of(String.valueOf(request.get("working_dir"))));
    }
    if (request.get("run_dir") != null) {
      options.option(Pipelines.RUN_DIR_OPTION, String.valueOf(request.get("run_dir")));
    }
    if (request.get("language") != null) {
      options.language(String.valueOf(request.get("language")));
    }
    RemoteMessage.Outcome outcome;
    try {
      PluginDiscovery plugin = PluginDiscovery.fromModule(text(request, "plugin"), PipelineJobMain.class.getClassLoader());
      Pipeline<Map<String, Object>, Object> pipeline = Pipeline.declared(plugin, text(request, "pipeline"));
      // The run continues the driver's: observers (a tracer) find the context the driver's scope propagated.
      Object result = RunObservers.continuing(ExecutionMode.JOB, runContext,
          () -> Pipelines.resume(pipeline, runId, ExecutionMode.LOCAL, options.build(), secrets));
      Object wire = pipeline.size() == 0 ? null : Pipelines.writeLastResult(pipeline, result);
      outcome = new RemoteMessage.Result(runId, wire, ProcessHandle.current().pid());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      outcome = RemoteFailures.of(runId, e, redactor);
    }
    JobMain.printOutcome(out, marker == null ? runId : marker, outcome);
    return outcome instanceof RemoteMessage.Result ? 0 : 1;
  }

  private static Map<?, ?> read(Path file) {
    try {
      Object parsed = Json.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
      if (parsed instanceof Map<?, ?> map && PROTOCOL.equals(map.get("protocol")) && Integer.valueOf(1).equals(map.get("version"))) {
        return map;
      }
      throw new IllegalStateException("request file " + file + " is not a " + PROTOCOL + " version 1 request");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read request file " + file + ": " + e, e);
    }
  }

  private static String text(Map<?, ?> request, String key) {
    Object value = request.get(key);
    if (value == null) {
      throw new IllegalStateException("the request has no '" + key + "'");
    }
    return String.valueOf(value);
  }
}
