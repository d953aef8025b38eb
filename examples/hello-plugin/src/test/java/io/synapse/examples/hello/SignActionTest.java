package io.synapse.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign action: nested params, a @Secret param, and a real file. */
class SignActionTest {
  private static final String TOKEN = "tok-9f8e7d6c5b4a";
  @TempDir Path temp;

  @Test
  void signsARealFileWithDefaultsFromTheNestedRecord() throws Exception {
    Path file = Files.writeString(temp.resolve("data.csv"), "a,b\n1,2\n");
    SignedFile signed = (SignedFile) PluginRunner.runPlugin("hello_plugin", "sign",
        Map.of("file", file.toString(), "destination", Map.of("bucket", "my-bucket"), "apiToken", TOKEN),
        ExecutionMode.LOCAL, RunOptions.builder().sink(new RecordingSink()).build());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertEquals("uploads/data.csv", signed.key());
    assertEquals(8, signed.bytes());
    assertEquals(sha, signed.sha256());
    assertEquals(64, signed.signature().length());
  }

  @Test
  void nestedViolationsHaveDottedPaths() {
    ValidationError error = assertThrows(ValidationError.class, () -> PluginRunner.runPlugin("hello_plugin", "sign",
        Map.of("destination", Map.of("bucket", "Bad Bucket", "prefx", "x"), "apiToken", " ")));
    assertEquals(List.of("api_token", "destination.bucket", "destination.prefx", "file"),
        error.violations().stream().map(Violation::path).sorted().toList());
  }

  @Test
  void theSecretNeverReachesEventsOrErrors() {
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    RecordingSink recorded = new RecordingSink();
    RunOptions options = RunOptions.builder().sink(event -> {
      recorded.accept(event);
      new JsonLinesSink(lines).accept(event);
    }).build();
    ExecutionError error = assertThrows(ExecutionError.class, () -> PluginRunner.runPlugin("hello_plugin", "sign",
        Map.of("file", temp.resolve("missing-" + TOKEN).toString(), "destination", Map.of("bucket", "b"), "apiToken", TOKEN),
        ExecutionMode.LOCAL, options));
    assertFalse(error.getMessage().contains(TOKEN), error.getMessage());
    assertFalse(lines.toString(StandardCharsets.UTF_8).contains(TOKEN));
    assertFalse(recorded.events().toString().contains(TOKEN));
  }
}
