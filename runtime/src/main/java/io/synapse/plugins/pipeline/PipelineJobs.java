package io.synapse.plugins.pipeline;

import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PipelineError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.pipeline.store.ActionRecord;
import io.synapse.plugins.pipeline.store.RunRecord;
import io.synapse.plugins.pipeline.store.RunStore;
import io.synapse.plugins.pipeline.store.RunStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Whole-pipeline JOB runs: recorded here, run by a job that resumes them from the store. */
final class PipelineJobs {
  private PipelineJobs() {}

  static String submit(PluginDiscovery plugin, Pipeline<Map<String, Object>, Object> pipeline, Map<String, Object> params, RunOptions options) {
    Map<String, Object> wire = PipelineParams.initial(pipeline, params);
    Object storeOption = options.option(RunStores.OPTION).orElse(null);
    if (storeOption instanceof RunStore) {
      throw new ConfigError("A JOB pipeline needs its run store as a URL (run option " + RunStores.OPTION + "), which the job opens",
          Map.of("option", RunStores.OPTION));
    }
    String url = storeOption == null ? RunStores.defaultUrl() : String.valueOf(storeOption);
    RunStore store = RunStores.open(url);
    if (!RunStores.isDurable(store)) {
      throw new ConfigError("A JOB pipeline needs a durable run store the job can reach (jdbc:sqlite: on one machine, jdbc:postgresql:"
          + " on a cluster), not " + store.describe(), Map.of("store", store.describe()));
    }
    java.util.Set<String> secretKeys = PipelineParams.secretKeys(pipeline);
    Map<String, Object> secrets = new LinkedHashMap<>();
    for (String key : PipelineParams.maskedKeys(wire, secretKeys)) {
      secrets.put(key, wire.get(key));
    }
    String runId = options.option(Pipelines.RUN_ID_OPTION).map(String::valueOf).orElseGet(Owners::newRunId);
    Instant now = Instant.now();
    List<ActionRecord> actions = new ArrayList<>();
    for (int i = 0; i < pipeline.size(); i++) {
      actions.add(ActionRecord.pending(i, pipeline.actionNames().get(i)));
    }
    store.create(new RunRecord(runId, pipeline.pluginCode(), pipeline.name(), pipeline.kind().value(), "job", RunStatus.PENDING,
        PipelineParams.storable(wire, secretKeys), List.copyOf(secrets.keySet()), null, null, now, now, null, null, false, null, actions));
    String jobId;
    try {
      jobId = backend().submit(new PipelineJobBackend.Submission(plugin, pipeline.name(), runId, url, secrets,
          options.option(Pipelines.RUN_DIR_OPTION).map(String::valueOf).orElse(null)), options);
    } catch (RuntimeException e) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", e instanceof PluginError p ? p.code() : "execution_error");
      error.put("message", String.valueOf(e.getMessage()));
      store.runEnded(runId, null, RunStatus.FAILED, null, error, Instant.now());
      throw e;
    }
    store.jobSubmitted(runId, jobId);
    return runId;
  }

  /** Submits a job that resumes the recorded run {@code runId} (whose owner is gone) from its first action not done. */
  static void resubmit(PluginDiscovery plugin, Pipeline<?, ?> pipeline, String runId, Map<String, Object> secrets, RunOptions options) {
    String url = String.valueOf(options.option(RunStores.OPTION).orElse(RunStores.defaultUrl()));
    String jobId = backend().submit(new PipelineJobBackend.Submission(plugin, pipeline.name(), runId, url, secrets,
        options.option(Pipelines.RUN_DIR_OPTION).map(String::valueOf).orElse(null)), options);
    RunStores.open(url).jobSubmitted(runId, jobId);
  }

  /** Waits until run {@code runId} ends, watching its job too (a job that ends without ending the run failed it). */
  static RunRecord await(RunStore store, String runId, Duration timeout, RunOptions options) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 100;
    while (true) {
      RunRecord run = store.find(runId).orElseThrow(() -> new io.synapse.plugins.errors.RunNotFoundError(runId, store.describe()));
      if (run.status().isTerminal()) {
        return run;
      }
      if (run.jobId() != null && backend().ended(run.jobId(), options)) {
        RunRecord last = store.find(runId).orElseThrow();
        if (last.status().isTerminal()) {
          return last;
        }
        throw new PipelineError(PipelineError.FAILED, "The job " + run.jobId() + " of pipeline run '" + runId + "' ended without ending the run"
            + " (it was stopped or died); resume the run to go on from its last good action", Map.of("run_id", runId, "pipeline", run.pipeline(),
            "job_id", run.jobId()), null);
      }
      if (System.nanoTime() > deadline) {
        throw new PluginError("timeout", "Pipeline run '" + runId + "' did not end within " + timeout + "; it goes on",
            Map.of("run_id", runId, "status", run.status().value()));
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PluginError("timeout", "Interrupted while waiting for pipeline run '" + runId + "'", Map.of("run_id", runId), e);
      }
      pause = Math.min(1000, pause * 2);
    }
  }

  static boolean stop(String jobId, RunOptions options) {
    return backend().stop(jobId, options);
  }

  private static PipelineJobBackend backend() {
    for (PipelineJobBackend backend : ServiceLoader.load(PipelineJobBackend.class, PipelineJobs.class.getClassLoader())) {
      return backend;
    }
    throw new PluginError("backend_unavailable", "No JOB backend for pipelines on the class path: add the dependency"
        + " io.synapse.plugins:synapse-plugins-ray", Map.of("mode", "JOB", "artifact", "io.synapse.plugins:synapse-plugins-ray"));
  }
}
