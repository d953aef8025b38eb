package io.synapse.benchmarks;

import io.synapse.examples.ray.NoopAction_Descriptor;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JOB-mode figures from one run on one cluster: submit to RUNNING and submit to SUCCEEDED of a no-op
 * action through {@link RayJobExecutor}, next to the same figures for a trivial Python entrypoint posted
 * straight to the Job Submission REST API (Ray's own floor) and for a bare {@code java -version}
 * entrypoint (the floor of any JVM job). All three are polled the same way, every 20 ms.
 *
 * <p>Run with {@code benchmarks/job.sh [--quick]}; the argument is the dashboard URL.
 */
public final class JobBenchmark {
  private static final long POLL_MILLIS = 20;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private JobBenchmark() {}

  /** Timings of one job, in milliseconds from just before the submit request. */
  private record Timing(double running, double succeeded) {}

  /**
   * Prints the table; {@code args[0]} is the dashboard URL, {@code --quick} fewer rounds,
   * {@code --json=<file>} where to write the figures and the concurrency curve as JSON too.
   */
  public static void main(String[] args) throws Exception {
    String dashboard = args[0];
    boolean quick = List.of(args).contains("--quick");
    int rounds = quick ? 3 : 7;
    RayJobExecutor jobs = RayJobExecutor.builder().dashboardUrl(dashboard).build();

    // A head just started on a loaded machine answers 500 until its job agent is up: wait for it
    // with a trivial job first (not measured).
    waitForJobAgent(dashboard);
    // The first submit uploads the jar package and warms the node's runtime-env cache: reported apart.
    long t0 = System.nanoTime();
    Timing cold = synapse(jobs);
    double coldMillis = (System.nanoTime() - t0) / 1e6;
    double jarMiB = packageMiB(jobs);
    rest(dashboard, "python3 -c 'print(1)'");
    rest(dashboard, "java -version");

    double[] synapseRunning = new double[rounds];
    double[] synapseDone = new double[rounds];
    double[] pythonRunning = new double[rounds];
    double[] pythonDone = new double[rounds];
    double[] javaRunning = new double[rounds];
    double[] javaDone = new double[rounds];
    // Interleaved so drift on a noisy machine hits all three alike.
    for (int i = 0; i < rounds; i++) {
      Timing ours = synapse(jobs);
      synapseRunning[i] = ours.running();
      synapseDone[i] = ours.succeeded();
      Timing python = rest(dashboard, "python3 -c 'print(1)'");
      pythonRunning[i] = python.running();
      pythonDone[i] = python.succeeded();
      Timing java = rest(dashboard, "java -version");
      javaRunning[i] = java.running();
      javaDone[i] = java.succeeded();
    }

    System.out.println();
    System.out.println("JOB benchmark (" + rounds + " rounds after one cold submit, " + Runtime.getRuntime().availableProcessors()
        + " cores, status polled every " + POLL_MILLIS + " ms)");
    System.out.println("| figure | Synapse JOB, noop | Ray REST, python3 -c | Ray REST, java -version | Synapse / python |");
    System.out.println("|---|---|---|---|---|");
    row("submit to RUNNING, median (ms)", Stats.median(synapseRunning), Stats.median(pythonRunning), Stats.median(javaRunning));
    row("submit to SUCCEEDED, median (ms)", Stats.median(synapseDone), Stats.median(pythonDone), Stats.median(javaDone));
    row("submit to SUCCEEDED, max (ms)", Stats.percentile(synapseDone, 1.0), Stats.percentile(pythonDone, 1.0),
        Stats.percentile(javaDone, 1.0));
    System.out.printf(Locale.ROOT, "| first submit incl. %.1f MiB jar upload, to result (ms) | %.0f | | | |%n", jarMiB, coldMillis);
    System.out.printf(Locale.ROOT, "%ntarget: submit to SUCCEEDED under 5 s: %s (%.0f ms median)%n",
        Stats.median(synapseDone) < 5000 ? "met" : "MISSED", Stats.median(synapseDone));

    List<Map<String, Object>> curve = new java.util.ArrayList<>();
    // The curve is measured in the first of repeated runs only (run.sh passes --no-curves to the others).
    List<Integer> counts = List.of(args).contains("--no-curves") ? List.of() : quick ? List.of(1, 4, 16) : List.of(1, 2, 4, 8, 16);
    for (int concurrent : counts) {
      curve.add(concurrent(jobs, concurrent));
    }
    long driverRss = TaskCurves.peakRssKb(ProcessHandle.current().pid());
    System.out.println("| concurrent submissions | all SUCCEEDED (ms) | per job, median (ms) |");
    System.out.println("|---|---|---|");
    for (Map<String, Object> point : curve) {
      System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f |%n", point.get("submissions"), point.get("all_ms"), point.get("per_job_median_ms"));
    }
    System.out.println("driver peak RSS (MiB): " + driverRss / 1024);
    for (String arg : args) {
      if (arg.startsWith("--json=")) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("rounds", rounds);
        json.put("submit_to_running_ms", Map.of("synapse", ProcessBenchmark.summary(synapseRunning), "python",
            ProcessBenchmark.summary(pythonRunning), "java_version", ProcessBenchmark.summary(javaRunning)));
        json.put("submit_to_succeeded_ms", Map.of("synapse", ProcessBenchmark.summary(synapseDone), "python",
            ProcessBenchmark.summary(pythonDone), "java_version", ProcessBenchmark.summary(javaDone)));
        json.put("first_submit_ms", coldMillis);
        json.put("concurrency_curve", curve);
        json.put("driver_peak_rss_kb", driverRss);
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new java.io.File(arg.substring(7)), json);
      }
    }
  }

  private static void waitForJobAgent(String dashboard) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (true) {
      try {
        rest(dashboard, "true");
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        System.err.println("job agent not ready yet: " + e.getMessage().lines().findFirst().orElse(""));
        Thread.sleep(2000);
      }
    }
  }

  /** {@code n} no-op jobs submitted at once, each polled by its own thread: time until all SUCCEEDED. */
  private static Map<String, Object> concurrent(RayJobExecutor jobs, int n) throws Exception {
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      long t0 = System.nanoTime();
      List<java.util.concurrent.Future<Timing>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(threads.submit(() -> synapse(jobs)));
      }
      double[] each = new double[n];
      for (int i = 0; i < n; i++) {
        each[i] = futures.get(i).get().succeeded();
      }
      double all = (System.nanoTime() - t0) / 1e6;
      System.err.printf("job curve: %d concurrent submissions, all done in %.0f ms%n", n, all);
      Map<String, Object> point = new java.util.LinkedHashMap<>();
      point.put("submissions", n);
      point.put("all_ms", all);
      point.put("per_job_median_ms", Stats.median(each));
      point.put("per_job_max_ms", Stats.percentile(each, 1.0));
      return point;
    } finally {
      threads.shutdownNow();
    }
  }

  private static Timing synapse(RayJobExecutor jobs) {
    long t0 = System.nanoTime();
    String id = jobs.submit(NoopAction_Descriptor.INSTANCE, NoParams.INSTANCE).id();
    double running = -1;
    while (true) {
      JobStatus status = jobs.getStatus(id);
      double now = (System.nanoTime() - t0) / 1e6;
      if (running < 0 && status != JobStatus.PENDING) {
        running = now;
      }
      if (status.isTerminal()) {
        if (status != JobStatus.SUCCEEDED) {
          throw new IllegalStateException("job " + id + " ended " + status + ":\n" + jobs.getLogs(id));
        }
        Object result = jobs.wait(id, java.time.Duration.ofSeconds(30));
        if (!"ok".equals(result)) {
          throw new IllegalStateException("unexpected result " + result);
        }
        jobs.delete(id);
        return new Timing(running, now);
      }
      pause();
    }
  }

  private static Timing rest(String dashboard, String entrypoint) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard + "/api/jobs/"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("entrypoint", entrypoint)))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (posted.statusCode() != 200) {
      throw new IllegalStateException("POST /api/jobs/ answered " + posted.statusCode() + ": " + posted.body());
    }
    String id = String.valueOf(((Map<?, ?>) Json.parse(posted.body())).get("submission_id"));
    double running = -1;
    while (true) {
      HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard + "/api/jobs/" + id)).build(),
          HttpResponse.BodyHandlers.ofString());
      String status = String.valueOf(((Map<?, ?>) Json.parse(info.body())).get("status"));
      double now = (System.nanoTime() - t0) / 1e6;
      if (running < 0 && !status.equals("PENDING")) {
        running = now;
      }
      if (List.of("SUCCEEDED", "FAILED", "STOPPED").contains(status)) {
        if (!status.equals("SUCCEEDED")) {
          throw new IllegalStateException("job " + id + " (" + entrypoint + ") ended " + status);
        }
        HTTP.send(HttpRequest.newBuilder(URI.create(dashboard + "/api/jobs/" + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        return new Timing(running, now);
      }
      pause();
    }
  }

  /** The size of what the first submit zips and uploads: this JVM's class path files, Ray's jars excepted. */
  private static double packageMiB(RayJobExecutor jobs) {
    long bytes = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      java.io.File file = new java.io.File(entry);
      if (file.isFile() && !file.getName().equals("ray_dist.jar") && !file.getName().startsWith("ray-api-")) {
        bytes += file.length();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void row(String figure, double ours, double python, double java) {
    System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2fx |%n", figure, ours, python, java, ours / python);
  }
}
