package io.synapse.examples.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.executors.remote.JobMain;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job entrypoint run as the Ray Job would run it, from a request file, without Ray. */
class JobMainTest {
  @TempDir
  Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(Path workDir, String requestName, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), JobMain.class.getName(), requestName)
        .directory(workDir.toFile());
    builder.environment().remove("PYTHONPATH");
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String request(String marker, String action, Map<String, ?> params) {
    return RemoteProtocol.write(new RemoteMessage.Request("req-" + marker, "ray_demo", action, new LinkedHashMap<>(params),
        Map.of("GREETING", "hi"), "job-1", null, null, marker));
  }

  private static Map<?, ?> envelope(String out, String marker) {
    List<String> lines = out.lines().toList();
    int begin = lines.indexOf(JobMain.RESULT_BEGIN + marker);
    assertEquals(JobMain.RESULT_END + marker, lines.get(begin + 2), out);
    return (Map<?, ?>) Json.parse(lines.get(begin + 1));
  }

  @Test
  void aValidRequestPrintsEventsThenTheResultBetweenItsMarkers() throws Exception {
    Files.writeString(dir.resolve("req.json"), (request("m1", "word-count", Map.of("lines", List.of("a a b")))));
    Run run = run(dir, "req.json", Map.of());
    assertEquals(0, run.exit(), run.err());
    Map<?, ?> envelope = envelope(run.out(), "m1");
    assertEquals("result", envelope.get("type"));
    assertEquals("req-m1", envelope.get("id"));
    assertEquals(Map.of("counts", Map.of("a", 2, "b", 1), "total", 3), envelope.get("result"));
    assertTrue(run.out().lines().anyMatch(line -> RemoteProtocol.looksLikeMessage(line) && line.contains("\"type\":\"progress\"")),
        run.out());
  }

  @Test
  void invalidParamsExitOneWithTheViolationsInTheEnvelope() throws Exception {
    Files.writeString(dir.resolve("req.json"), (request("m2", "word-count", Map.of("lines", List.of(), "extra", 1))));
    Run run = run(dir, "req.json", Map.of());
    assertEquals(1, run.exit());
    Map<?, ?> error = (Map<?, ?>) envelope(run.out(), "m2").get("error");
    assertEquals("validation_error", error.get("code"));
    List<?> violations = (List<?>) ((Map<?, ?>) error.get("details")).get("violations");
    assertEquals(List.of("extra", "lines"), violations.stream().map(v -> ((Map<?, ?>) v).get("path")).sorted().toList());
  }

  @Test
  void theRequestIsFoundInAPythonPathDirectoryAsRayUnpacksPyModules() throws Exception {
    Path modules = Files.createDirectories(dir.resolve("py_modules_files/_ray_pkg_abc"));
    Files.writeString(modules.resolve("req-x.json"), (request("m3", "echo", Map.of("message", "m"))));
    Path work = Files.createDirectories(dir.resolve("work"));
    Run run = run(work, "req-x.json", Map.of("PYTHONPATH", "/nonexistent:" + modules));
    assertEquals(0, run.exit(), run.err());
    Map<?, ?> result = (Map<?, ?>) envelope(run.out(), "m3").get("result");
    assertEquals("hi", result.get("greeting"));
    assertEquals("job-1", result.get("job_id"));
  }

  @Test
  void aMissingOrForeignRequestExitsTwoWithoutAnEnvelope() throws Exception {
    Run missing = run(dir, "absent.json", Map.of());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("absent.json"), missing.err());
    assertFalse(missing.out().contains(JobMain.RESULT_BEGIN));
    Files.writeString(dir.resolve("old.json"), request("m4", "echo", Map.of()).replace("\"version\":1", "\"version\":0"));
    Run foreign = run(dir, "old.json", Map.of());
    assertEquals(2, foreign.exit());
    assertTrue(foreign.err().contains("version 0") && foreign.err().contains("speaks version 1"), foreign.err());
    Files.writeString(dir.resolve("result.json"), RemoteProtocol.write(new RemoteMessage.Result("r", 1, 1)));
    Run notRequest = run(dir, "result.json", Map.of());
    assertEquals(2, notRequest.exit());
    assertTrue(notRequest.err().contains("not a request"), notRequest.err());
  }
}
