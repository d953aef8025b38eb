package io.synapse.examples.steps;

import static io.synapse.examples.steps.Fixtures.TOKEN;
import static io.synapse.examples.steps.Fixtures.inputs;
import static io.synapse.examples.steps.Fixtures.overallProgress;
import static io.synapse.examples.steps.Fixtures.read;
import static io.synapse.examples.steps.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box: the export action built by the real processor, run through PluginRunner and the facade. */
class ExportActionTest {
  private static final String A_JSONL = "{\"id\":\"1\",\"name\":\"ann\"}\n{\"id\":\"2\",\"name\":\"bob\"}\n";
  private static final String NOTES_JSONL = "{\"line\":\"hello\"}\n{\"line\":\"world, again\"}\n";

  @TempDir Path temp;

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void writesRealFilesAndReturnsTheTypedResult() throws Exception {
    Path in = inputs(temp.resolve("in"));
    Path out = temp.resolve("out/nested");
    RecordingSink sink = new RecordingSink();

    Object result = PluginRunner.runPlugin("steps_demo", "export",
        Map.of("input_dir", in.toString(), "output_dir", out.toString(), "api_token", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(sink).build());

    long bytes = A_JSONL.length() + NOTES_JSONL.length();
    assertEquals(new ExportResult(List.of("a.jsonl", "notes.jsonl"), bytes, out.resolve("manifest.json"),
        out.resolve("manifest.json.sig")), result, "JSONL is the default format");
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("a.jsonl", "manifest.json", "manifest.json.sig", "notes.jsonl"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
    assertEquals(A_JSONL, read(out.resolve("a.jsonl")));
    assertEquals(NOTES_JSONL, read(out.resolve("notes.jsonl")));

    byte[] manifestBytes = Files.readAllBytes(out.resolve("manifest.json"));
    JsonNode manifest = JsonMapper.builder().build().readTree(manifestBytes);
    assertEquals("jsonl", manifest.get("format").asText());
    assertEquals(2, manifest.get("files").size());
    assertManifestEntry(manifest.get("files").get(0), "a.jsonl", A_JSONL);
    assertManifestEntry(manifest.get("files").get(1), "notes.jsonl", NOTES_JSONL);

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertEquals(HexFormat.of().formatHex(mac.doFinal(manifestBytes)) + "\n", read(out.resolve("manifest.json.sig")));
  }

  @Test
  void overallProgressRisesFromZeroToExactlyOneHundredThroughEveryFile() throws Exception {
    RecordingSink sink = new RecordingSink();
    PluginRunner.runPlugin("steps_demo", "export",
        Map.of("inputDir", inputs(temp.resolve("in")).toString(), "outputDir", temp.resolve("out").toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(sink).build());

    // Weights 1, 6, 1, 1 (of 9): prepare ends at 1/9, each of the two files adds 3/9, manifest ends at 8/9.
    assertEquals(List.of(0L, 1111L, 4444L, 7778L, 8889L, 10_000L), overallProgress(sink));
    List<PluginEvent> overall = sink.events(EventType.PROGRESS).stream().filter(e -> "export".equals(e.category())).toList();
    assertEquals(100.0, overall.get(overall.size() - 1).progress().percent());
    assertEquals(List.of(0L, 1L, 2L), sink.events(EventType.PROGRESS).stream()
        .filter(e -> "convert".equals(e.category())).map(e -> e.progress().current()).toList(), "per-file progress");
    assertEquals(List.of("prepare", "convert", "manifest", "sign"), Fixtures.stepsOfLogs(sink, "step_finished"));
  }

  @Test
  void theFacadeRunsTheSameActionTypedAndKeepsUnrelatedFiles() throws Exception {
    Path out = Files.createDirectories(temp.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "not the export's\n");
    RecordingSink sink = new RecordingSink();

    ExportResult result = StepsDemo.export(new ExportParams(inputs(temp.resolve("in")), out, ExportFormat.CSV, TOKEN),
        LocalExecutor.builder().sink(sink).build());

    assertEquals(List.of("a.csv", "notes.csv"), result.files());
    assertEquals("id,name\n1,ann\n2,bob\n", read(out.resolve("a.csv")));
    assertEquals("line\nhello\n\"world, again\"\n", read(out.resolve("notes.csv")));
    assertEquals("not the export's\n", read(out.resolve("keep.txt")));
    assertEquals("csv", JsonMapper.builder().build().readTree(out.resolve("manifest.json").toFile()).get("format").asText());
  }

  @Test
  void anExistingOutputFileIsNeverOverwrittenAndTheRunIsUndone() throws Exception {
    Path out = Files.createDirectories(temp.resolve("out"));
    Files.writeString(out.resolve("notes.jsonl"), "someone else's\n");
    SortedMap<String, String> before = snapshot(out);

    StepError error = assertThrows(StepError.class, () -> PluginRunner.runPlugin("steps_demo", "export",
        Map.of("inputDir", inputs(temp.resolve("in")).toString(), "outputDir", out.toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(new RecordingSink()).build()));

    assertEquals("convert", error.step());
    assertInstanceOf(FileAlreadyExistsException.class, error.getCause());
    assertEquals(before, snapshot(out), "a.jsonl, written first, is deleted; notes.jsonl is untouched");
  }

  @Test
  void aMalformedInputHalfWayThroughLeavesNoOutputDirectory() throws Exception {
    Path in = inputs(temp.resolve("in"));
    Files.writeString(in.resolve("b.csv"), "x,y\n1,2\n3\n");
    Path out = temp.resolve("out");
    RecordingSink sink = new RecordingSink();

    StepError error = assertThrows(StepError.class, () -> PluginRunner.runPlugin("steps_demo", "export",
        Map.of("inputDir", in.toString(), "outputDir", out.toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(sink).build()));

    assertEquals("convert", error.step());
    IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, error.getCause());
    assertEquals("b.csv row 2 has 1 cells; the header has 2", cause.getMessage());
    assertTrue(error.getMessage().contains("b.csv row 2"), error.getMessage());
    assertEquals(Map.of(".", "absent"), snapshot(out));
    assertEquals(List.of("a.jsonl"), sink.events(EventType.LOG).stream()
        .filter(e -> "file_converted".equals(e.name())).map(e -> e.data().get("output")).toList(), "a.csv was converted first");
    assertEquals(List.of("convert", "prepare"), Fixtures.stepsOfLogs(sink, "step_rolled_back"));
  }

  @Test
  void anInputDirectoryWithoutInputsFailsInPrepare() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    StepError error = assertThrows(StepError.class, () -> PluginRunner.runPlugin("steps_demo", "export",
        Map.of("inputDir", empty.toString(), "outputDir", temp.resolve("out").toString(), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(new RecordingSink()).build()));
    assertEquals("prepare", error.step());
    assertTrue(error.getMessage().contains("No .csv or .txt files"), error.getMessage());
    assertEquals(Map.of(".", "absent"), snapshot(temp.resolve("out")));
  }

  @Test
  void paramsAreValidatedBeforeAnyStepRuns() {
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("steps_demo", "export",
        Map.of("inputDir", temp.toString(), "format", "XML", "apiToken", " ")));
    assertEquals(List.of("api_token", "format", "output_dir"),
        error.violations().stream().map(v -> v.path()).sorted().toList());
  }

  private static void assertManifestEntry(JsonNode entry, String name, String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    assertEquals(name, entry.get("name").asText());
    assertEquals(bytes.length, entry.get("bytes").asLong());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), entry.get("sha256").asText());
  }
}
