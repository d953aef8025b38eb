package io.synapse.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.LocalExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Params records built in Java are held to the same constraints as untyped params, through every entry
 * point: the facade, {@code LocalExecutor.execute(descriptor, record)}, {@code execute(actionClass, map)} and
 * {@code runPlugin} with {@code actionClass}. Each gives exactly the violations of the equivalent map, and
 * the action never starts.
 */
class TypedParamsValidationTest {
  private static final List<Violation> EXPECTED = List.of(
      new Violation("input_path", "must not be blank", "NotBlank"),
      new Violation("batch_size", "must be greater than or equal to 1", "Min"));
  private static final ProcessParams INVALID = new ProcessParams(" ", null, 0, false);

  private static List<Violation> violations(Supplier<Object> run) {
    return assertThrows(ValidationError.class, run::get).violations();
  }

  @Test
  void everyEntryPointRefusesTheSameInvalidRecordWithTheSameViolations() {
    RecordingSink sink = new RecordingSink();
    Map<String, Object> asMap = new LinkedHashMap<>(Map.of("input_path", " ", "batch_size", 0, "verbose", false));
    assertEquals(EXPECTED, violations(() -> PluginRunner.runPlugin("hello_plugin", "process", asMap)), "the map path, for reference");
    assertEquals(EXPECTED, violations(() -> HelloPlugin.process(INVALID)), "the facade");
    Executor local = LocalExecutor.builder().sink(sink).build();
    assertEquals(EXPECTED, violations(() -> HelloPlugin.process(INVALID, local)), "the facade on an executor");
    assertEquals(EXPECTED, violations(() -> local.execute(ProcessAction_Descriptor.INSTANCE, INVALID)), "execute(descriptor, record)");
    assertEquals(EXPECTED, violations(() -> local.execute(ProcessAction.class, asMap)), "execute(actionClass, map)");
    assertEquals(EXPECTED, violations(() -> PluginRunner.runPlugin(null, "process", asMap, ExecutionMode.LOCAL,
        RunOptions.builder().actionClass(ProcessAction.class).sink(EventSink.discarding()).build())), "runPlugin with actionClass");
    assertEquals(List.of(), sink.events(), "the action never started");
  }

  @Test
  void aValidRecordRunsWithItsDefaultsAsTheMapWould() {
    ProcessResult typed = HelloPlugin.process(new ProcessParams("/in.csv", "/out.csv", 8, false), LocalExecutor.builder()
        .sink(EventSink.discarding()).build());
    Object untyped = PluginRunner.runPlugin("hello_plugin", "process", Map.of("inputPath", "/in.csv", "outputPath", "/out.csv",
        "batchSize", 8), ExecutionMode.LOCAL, RunOptions.builder().sink(EventSink.discarding()).build());
    assertEquals(untyped, typed);
  }
}
