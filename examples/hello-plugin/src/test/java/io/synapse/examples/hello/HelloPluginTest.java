package io.synapse.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box: the example built by the real processor, run through the public API. */
class HelloPluginTest {
  @TempDir Path temp;

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void runPluginReturnsTheTypedResultWithDefaultsApplied() {
    RecordingSink sink = new RecordingSink();
    Object result = PluginRunner.runPlugin("hello_plugin", "process",
        Map.of("input_path", "/data/in.csv", "output_path", "/data/out.csv"), ExecutionMode.LOCAL,
        RunOptions.builder().sink(sink).build());
    assertEquals(new ProcessResult("completed", "/data/out.csv", 100), result);
    List<PluginEvent> progress = sink.events(EventType.PROGRESS);
    assertEquals(100, progress.size());
    assertEquals(100L, progress.get(99).progress().current());
    PluginEvent metrics = sink.events(EventType.METRICS).get(0);
    assertEquals("process", metrics.category());
    assertEquals(Map.of("items_processed", 100, "batches", 4), metrics.data(), "batchSize defaults to 32");
  }

  @Test
  void theSeedsTutorialCallRunsVerbatimSnakeCaseInAndOut() {
    RecordingSink sink = new RecordingSink();
    Object result = PluginRunner.runPlugin("hello_plugin", "process",
        Map.of("input_path", "/data/input.csv", "output_path", "/data/output.csv", "batch_size", 64, "verbose", true),
        ExecutionMode.LOCAL, RunOptions.builder().sink(sink).language("ko").build());
    assertEquals(new ProcessResult("completed", "/data/output.csv", 100), result);
    Object written = PluginRunner.writeResult("hello_plugin", "process", result);
    assertEquals("{status=completed, output_path=/data/output.csv, items_processed=100}", written.toString());
    // The logger's record and the localized message are events of the run.
    PluginEvent logged = sink.events(EventType.LOG).get(0);
    assertEquals(System.Logger.Level.INFO, logged.level());
    assertEquals("Processing /data/input.csv in batches of 64", logged.message());
    PluginEvent message = sink.events(EventType.MESSAGE).get(0);
    assertEquals("100개 항목을 처리했습니다", message.message());
    assertEquals(Map.of("language", "ko"), message.data());
  }

  @Test
  void javaNamesBindTooButNotBesideTheirWireNames() {
    Object result = PluginRunner.runPlugin("hello_plugin", "process",
        Map.of("inputPath", "/in", "outputPath", "/out", "batchSize", 64, "verbose", true));
    assertEquals(new ProcessResult("completed", "/out", 100), result);
    ValidationError twice = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("hello_plugin", "process",
        Map.of("input_path", "/in", "batch_size", 1, "batchSize", 2)));
    assertEquals(List.of(new Violation("batch_size", "is given twice, as 'batch_size' and as 'batchSize'", "DuplicateField")),
        twice.violations());
  }

  @Test
  void theFacadeRunsTheSameActionTyped() {
    ProcessResult typed = HelloPlugin.process(new ProcessParams("/data/in.csv", "/data/out.csv", 64, true));
    assertEquals(new ProcessResult("completed", "/data/out.csv", 100), typed);
    RecordingSink sink = new RecordingSink();
    HelloPlugin.process(new ProcessParams("/in", null, 50, false), LocalExecutor.builder().sink(sink).build());
    assertEquals(Map.of("items_processed", 100, "batches", 2), sink.events(EventType.METRICS).get(0).data());
  }

  @Test
  void everyBadParamIsReportedInOneValidationError() {
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("hello_plugin", "process",
        Map.of("input_path", "  ", "batch_size", 0, "verbose", "maybe", "batch-size", 3)));
    assertEquals(List.of("batch-size", "batch_size", "input_path", "verbose"),
        error.violations().stream().map(Violation::path).sorted().toList());
    Map<String, String> byPath = new java.util.TreeMap<>();
    error.violations().forEach(v -> byPath.put(v.path(), v.constraint()));
    assertEquals(Map.of("batch_size", "Min", "batch-size", "UnknownField", "input_path", "NotBlank", "verbose", "Type"), byPath);
    assertTrue(error.getMessage().contains("did you mean 'batch_size'?"), error.getMessage());
  }

  @Test
  void missingRequiredParamIsRequired() {
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("hello_plugin", "process", Map.of()));
    assertEquals(List.of(new Violation("input_path", "is required", "Required")), error.violations());
  }

  @Test
  void numbersAsStringsAreAccepted() {
    ProcessResult result = (ProcessResult) PluginRunner.runPlugin("hello_plugin", "process",
        Map.of("input_path", "/in", "batch_size", "1024", "verbose", "true"));
    assertEquals(100, result.itemsProcessed());
  }

  @Test
  void countLinesReadsARealFile() throws Exception {
    Path file = Files.writeString(temp.resolve("data.txt"), "# header\na\nb\n# note\nc\n");
    LineCount count = HelloPlugin.countLines(new LineCountParams(file, List.of("#")));
    assertEquals(new LineCount(file.toString(), 3, 2), count);
    Object viaRunner = PluginRunner.runPlugin("hello_plugin", "count-lines", Map.of("file", file.toString()));
    assertEquals(count, viaRunner, "the default skip prefix is #");
    ExecutionError missing = assertThrows(ExecutionError.class,
        () -> PluginRunner.runPlugin("hello_plugin", "count-lines", Map.of("file", temp.resolve("nope.txt").toString())));
    assertInstanceOf(java.nio.file.NoSuchFileException.class, missing.getCause());
  }

  @Test
  void discoveryByCodePackageAndModulePath() {
    PluginDiscovery byCode = PluginDiscovery.fromModule("hello_plugin");
    assertEquals(List.of("count-lines", "process", "sign"), byCode.listActions());
    assertEquals("Process Files", byCode.getActionConfig("process").title());
    assertEquals(ProcessAction.class.getName(), byCode.getActionConfig("process").entrypoint());
    assertEquals(RunMethod.TASK, byCode.getActionConfig("process").method());
    assertSame(ProcessAction.class, byCode.getActionClass("process"));
    assertSame(ProcessParams.class, byCode.getActionParamsType("process"));
    assertEquals("hello_plugin", PluginDiscovery.fromModule("io.synapse.examples.hello").config().code());
    try (PluginDiscovery byPath = PluginDiscovery.fromPath(Path.of("").toAbsolutePath())) {
      assertEquals(byCode.config(), byPath.config());
    }
    ActionNotFoundError error = assertThrows(ActionNotFoundError.class, () -> byCode.getActionConfig("proces"));
    assertEquals("process", error.details().get("suggestion"));
  }

  @Test
  void theActionClassProtocolAndActionClassOption() {
    Object result = LocalExecutor.shared().execute(ProcessAction.class, Map.of("inputPath", "/x"));
    assertEquals(new ProcessResult("completed", null, 100), result);
    Object viaOption = PluginRunner.runPlugin("ignored", "process", Map.of("inputPath", "/x"), ExecutionMode.LOCAL,
        RunOptions.builder().actionClass(ProcessAction.class).build());
    assertEquals(result, viaOption);
  }

  @Test
  void resultsRoundTripThroughTheGeneratedWriterAndReader() {
    var descriptor = PluginDiscovery.fromModule("hello_plugin").descriptor("process");
    Object written = writeResult(descriptor, new ProcessResult("completed", "/o", 7));
    assertEquals(Map.of("status", "completed", "output_path", "/o", "items_processed", 7), written);
    assertEquals(new ProcessResult("completed", "/o", 7), descriptor.readResult(written));
  }

  @SuppressWarnings("unchecked")
  private static <R> Object writeResult(io.synapse.plugins.spi.ActionDescriptor<?, R> descriptor, Object result) {
    return descriptor.writeResult((R) result);
  }
}
