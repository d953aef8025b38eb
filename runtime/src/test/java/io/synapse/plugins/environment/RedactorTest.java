package io.synapse.plugins.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final PluginEnvironment env = PluginEnvironment.of(Map.of(
      "API_KEY", "sk-123456", "db_password", "hunter22", "Short_Token", "ab", "REGION", "eu-west-1"));

  @Test
  void hidesSecretEnvironmentValuesAndGivenSecretsInsideStrings() {
    Redactor redactor = Redactor.builder().environment(env).secretValue("param-secret").build();
    assertEquals("key *** pw *** p *** region eu-west-1",
        redactor.redact("key sk-123456 pw hunter22 p param-secret region eu-west-1"));
    assertEquals("*** is short: masked as a whole token (***), while tab, ab1 and xab keep it",
        redactor.redact("ab is short: masked as a whole token (ab), while tab, ab1 and xab keep it"));
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    Redactor redactor = Redactor.builder().secretValues(List.of("abcd", "abcdefgh")).build();
    assertEquals("***", redactor.redact("abcdefgh"));
  }

  @Test
  void stringsUnderSecretLookingKeysAreHiddenWholeEvenWhenShort() {
    Redactor redactor = Redactor.builder().environment(env).build();
    Object redacted = redactor.redactValue(Map.of("token", "ab", "nested", Map.of("Password", "pw", "list", List.of("sk-123456")),
        "keypoints", 17));
    assertEquals(Map.of("token", "***", "nested", Map.of("Password", "***", "list", List.of("***")), "keypoints", 17), redacted,
        "numbers are kept even under a secret-looking key");
  }

  @Test
  void theSecretNameWordsAreConfigurable() {
    Redactor redactor = Redactor.builder().secretNameWords(List.of("pin"))
        .environment(PluginEnvironment.of(Map.of("CARD_PIN", "987654", "API_KEY", "sk-123456"))).build();
    assertTrue(redactor.isSecretName("card_pin"));
    assertFalse(redactor.isSecretName("API_KEY"));
    assertEquals("*** sk-123456", redactor.redact("987654 sk-123456"));
  }

  @Test
  void redactsEveryTextualPartOfAnEvent() {
    Redactor redactor = Redactor.builder().secretValue("s3cr3t!").build();
    PluginEvent event = new PluginEvent(EventType.LOG, System.Logger.Level.INFO, "a", "cat s3cr3t!", "name s3cr3t!",
        "msg s3cr3t!", Map.of("k", "v s3cr3t!"), null, Instant.EPOCH, "job");
    PluginEvent redacted = redactor.redact(event);
    assertFalse(redacted.toString().contains("s3cr3t!"), redacted.toString());
    assertEquals("msg ***", redacted.message());
  }

  @Test
  void aContextRedactsItsEnvironmentsSecretsByDefault() {
    RecordingSink sink = new RecordingSink();
    RuntimeContext context = RuntimeContext.builder("a").env(env).sink(sink).build();
    context.logMessage("using sk-123456");
    assertEquals("using ***", sink.events().get(0).message());
  }
}
