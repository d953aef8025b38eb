package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.UnverifiedResultError;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.executors.ray.RayJobExecutor;
import io.synapse.plugins.json.Json;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs that anyone who can reach the dashboard could submit, pretending to be ours, on a real head: a
 * forged job's metadata naming a plugin directory on this machine (whose registry would run code here when
 * loaded) and its log printing result markers and a result. None of it is believed or loaded; a result is
 * accepted only from a job submitted with this submitter's key, and re-attaching by id works only with that key.
 */
@WithRayHead
class ForgedJobsTest {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static String dashboard;

  @TempDir
  Path temp;

  @BeforeAll
  static void cluster(RayHead head) {
    dashboard = head.dashboardUrl();
  }

  private RayJobExecutor.Builder jobs(Path keyFile) {
    return RayJobExecutor.builder().dashboardUrl(dashboard).resultKeyFile(keyFile);
  }

  /** Submits a job over the dashboard's REST API as anyone could: its entrypoint prints {@code lines}. */
  private static String forge(Map<String, String> metadata, List<String> lines) throws Exception {
    String id = "forged-" + UUID.randomUUID();
    StringBuilder entrypoint = new StringBuilder("printf '%s\\n'");
    for (String line : lines) {
      entrypoint.append(" '").append(line.replace("'", "'\\''")).append("'");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entrypoint", entrypoint.toString());
    body.put("submission_id", id);
    body.put("metadata", metadata);
    HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dashboard + "/api/jobs/"))
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reply.statusCode(), reply.body());
    RayJobExecutor observer = RayJobExecutor.builder().dashboardUrl(dashboard).build();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!observer.getStatus(id).isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(JobStatus.SUCCEEDED, observer.getStatus(id), "the forged job ran");
    return id;
  }

  private static String event(String id) {
    return "{\"protocol\":\"synapse-remote\",\"version\":1,\"type\":\"event\",\"id\":\"" + id + "\",\"event\":{\"type\":\"progress\","
        + "\"level\":\"INFO\",\"action\":\"word-count\",\"category\":\"word-count\",\"progress\":{\"current\":1,\"total\":1},"
        + "\"timestamp\":\"2026-01-01T00:00:00Z\"}}";
  }

  private static String result(String id) {
    return "{\"protocol\":\"synapse-remote\",\"version\":1,\"type\":\"result\",\"id\":\"" + id
        + "\",\"result\":{\"counts\":{\"pwned\":1},\"total\":1},\"pid\":1,\"mac\":\"" + "ab".repeat(32) + "\"}";
  }

  @Test
  void aForgedJobNamingAPluginDirectoryIsNeitherLoadedNorBelieved() throws Exception {
    Path witness = temp.resolve("trap-fired");
    Path trap = TrapPlugin.write(temp.resolve("trap"), witness);
    Path control = temp.resolve("control-fired");
    PluginDiscovery.fromPath(TrapPlugin.write(temp.resolve("control"), control)).close();
    assertTrue(Files.exists(control), "loading the trap plugin runs its code: the trap works");

    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("synapse.plugin", "ray_demo");
    metadata.put("synapse.action", "word-count");
    metadata.put("synapse.plugin_source", trap.toString());
    metadata.put("synapse.marker", "m");
    metadata.put("synapse.submitter", "00".repeat(16));
    String id = "placeholder";
    List<String> lines = List.of(event(id), "@@synapse-job-result-begin m", result(id), "@@synapse-job-result-end m");
    String forged = forge(metadata, lines);
    RecordingSink sink = new RecordingSink();
    RayJobExecutor executor = jobs(temp.resolve("state/job-results.key")).sink(sink).build();
    executor.submit(NoopAction_Descriptor.INSTANCE, Map.of()).await(WAIT); // this submitter's key exists

    UnverifiedResultError error = assertThrows(UnverifiedResultError.class, () -> executor.wait(forged, WAIT));
    assertTrue(error.getMessage().contains("cannot be verified"), error.getMessage());
    assertEquals(forged, error.details().get("submission_id"));
    assertThrows(UnverifiedResultError.class, () -> executor.attach(forged, WordCountAction_Descriptor.INSTANCE).await(WAIT));
    assertThrows(UnverifiedResultError.class, () -> executor.attach(forged).await(WAIT));
    assertFalse(Files.exists(witness), "the plugin the metadata names was never loaded");
    assertTrue(sink.events().stream().noneMatch(e -> e.progress() != null && "word-count".equals(e.action())), "no forged event replayed");
  }

  @Test
  void aGenuineJobsLogAndTagCopiedOntoAnotherJobAreNotBelieved() throws Exception {
    Path key = temp.resolve("state/job-results.key");
    RayJobExecutor executor = jobs(key).build();
    String genuine = executor.submit(WordCountAction_Descriptor.INSTANCE, Map.of("lines", List.of("a b a"))).id();
    assertEquals(new WordCount(Map.of("a", 2, "b", 1), 3), executor.wait(genuine, WAIT));
    Map<String, String> metadata = executor.getInfo(genuine).metadata();
    List<String> log = executor.getLogs(genuine).lines().toList();
    String copy = forge(metadata, log);
    UnverifiedResultError error = assertThrows(UnverifiedResultError.class, () -> jobs(key).build().wait(copy, WAIT));
    assertTrue(error.getMessage().contains("not submitted with the result key"), error.getMessage());
  }

  @Test
  void onlyTheSubmittersKeyReattachesToAJob() throws Exception {
    Path key = temp.resolve("a/job-results.key");
    String id = jobs(key).build().submit(EchoAction_Descriptor.INSTANCE, new EchoParams("mine", 0, false)).id();
    Echo echo = jobs(key).build().attach(id, EchoAction_Descriptor.INSTANCE).await(WAIT);
    assertEquals("mine", echo.message(), "a fresh executor with the same key file reads it");
    assertEquals(id, echo.jobId());

    Path other = temp.resolve("b/job-results.key");
    jobs(other).build().submit(NoopAction_Descriptor.INSTANCE, Map.of()).await(WAIT);
    UnverifiedResultError wrongKey = assertThrows(UnverifiedResultError.class,
        () -> jobs(other).build().attach(id, EchoAction_Descriptor.INSTANCE).await(WAIT));
    assertEquals(other.toString(), wrongKey.details().get("key_file"));

    Path missing = temp.resolve("c/job-results.key");
    UnverifiedResultError noKey = assertThrows(UnverifiedResultError.class, () -> jobs(missing).build().wait(id, WAIT));
    assertTrue(noKey.getMessage().contains("there is no result key at " + missing), noKey.getMessage());
    assertFalse(Files.exists(missing), "waiting never makes a key");
  }

  @Test
  void aKeyFileOthersMayReadOrALinkIsRefused() throws Exception {
    Path key = temp.resolve("state/job-results.key");
    RayJobExecutor executor = jobs(key).build();
    executor.submit(NoopAction_Descriptor.INSTANCE, Map.of()).await(WAIT);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    ConfigError open = assertThrows(ConfigError.class, () -> jobs(key).build().submit(NoopAction_Descriptor.INSTANCE, Map.of()));
    assertTrue(open.getMessage().contains("is not private to its owner (rw-r--r--; chmod 600 it)"), open.getMessage());
    Path link = temp.resolve("link/job-results.key");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, key);
    ConfigError linked = assertThrows(ConfigError.class, () -> jobs(link).build().submit(NoopAction_Descriptor.INSTANCE, Map.of()));
    assertTrue(linked.getMessage().contains("is not a regular file"), linked.getMessage());
    assertInstanceOf(String.class, linked.details().get("key_file"));
  }
}
