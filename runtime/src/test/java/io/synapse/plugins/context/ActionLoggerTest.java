package io.synapse.plugins.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.events.ConsoleSink;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The action's logger writes events of the run; messages in the run's language. */
class ActionLoggerTest {
  private final RecordingSink sink = new RecordingSink();

  private RuntimeContext context(String language, Map<String, String> env) {
    RuntimeContext.Builder builder = RuntimeContext.builder("train").pluginCode("p").sink(sink).env(PluginEnvironment.of(env))
        .redactor(Redactor.builder().environment(PluginEnvironment.of(env)).secretValues(Set.of("s3cr3t")).build());
    return language == null ? builder.build() : builder.language(language).build();
  }

  @Test
  void loggerRecordsAreLogEventsWithTheirLevels() {
    System.Logger logger = context(null, Map.of()).logger();
    assertEquals("synapse.p.train", logger.getName());
    logger.log(System.Logger.Level.INFO, "Starting training");
    logger.log(System.Logger.Level.WARNING, "epoch {0} of {1} is slow", 3, 10);
    logger.log(System.Logger.Level.DEBUG, () -> "details");
    logger.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("boom"));
    logger.log(System.Logger.Level.OFF, "never");
    List<PluginEvent> events = sink.events(EventType.LOG);
    assertEquals(4, events.size());
    assertEquals(List.of(System.Logger.Level.INFO, System.Logger.Level.WARNING, System.Logger.Level.DEBUG, System.Logger.Level.ERROR),
        events.stream().map(PluginEvent::level).toList());
    assertEquals(List.of("Starting training", "epoch 3 of 10 is slow", "details", "failed"),
        events.stream().map(PluginEvent::message).toList());
    assertEquals(List.of("message", "message", "debug", "message"), events.stream().map(PluginEvent::name).toList());
    assertEquals("java.lang.IllegalStateException: boom", events.get(3).data().get("exception"));
    assertTrue(String.valueOf(events.get(3).data().get("stack_trace")).contains("ActionLoggerTest"));
    assertFalse(logger.isLoggable(System.Logger.Level.OFF));
    assertTrue(logger.isLoggable(System.Logger.Level.TRACE));
  }

  @Test
  void loggerRecordsAreRedactedLikeEveryEvent() {
    System.Logger logger = context(null, Map.of("API_KEY", "k3y-value")).logger();
    logger.log(System.Logger.Level.INFO, "token s3cr3t and key k3y-value");
    logger.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("with s3cr3t"));
    for (PluginEvent event : sink.events()) {
      String text = event.message() + event.data();
      assertFalse(text.contains("s3cr3t") || text.contains("k3y-value"), text);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleSink console = new ConsoleSink(new PrintStream(out, true, StandardCharsets.UTF_8));
    sink.events().forEach(console::accept);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("[train] token *** and key ***"), printed);
    assertTrue(printed.contains("[train] ERROR failed (java.lang.IllegalStateException: with ***)"), printed);
  }

  @Test
  void loggerRecordsTravelAsJsonLinesWithTheirLevelAndText() {
    System.Logger logger = context(null, Map.of()).logger();
    logger.log(System.Logger.Level.WARNING, "slow with s3cr3t");
    String line = JsonLinesSink.toJsonLine(sink.events().get(0));
    assertTrue(line.startsWith("{\"type\":\"log\",\"level\":\"WARNING\","), line);
    assertTrue(line.contains("\"name\":\"message\",\"message\":\"slow with ***\""), line);
  }

  @Test
  void aBrokenSinkDoesNotLoopThroughTheLogger() {
    RuntimeContext context = RuntimeContext.builder("train").sink(event -> {
      throw new IllegalStateException("sink down");
    }).build();
    context.logger().log(System.Logger.Level.INFO, "hello");
    context.logMessage("still running");
  }

  @Test
  void messagesAtALevel() {
    RuntimeContext context = context(null, Map.of());
    context.logMessage("Disk almost full", System.Logger.Level.WARNING);
    PluginEvent event = sink.events(EventType.MESSAGE).get(0);
    assertEquals(System.Logger.Level.WARNING, event.level());
    assertEquals("Disk almost full", event.message());
  }

  @Test
  void localizedMessagesFollowTheRunsLanguage() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("en", "Processing done");
    texts.put("ko", "처리 완료");
    texts.put("pt", "Processamento concluído");
    context("ko", Map.of()).logMessage(texts);
    context(null, Map.of("SYNAPSE_LANGUAGE", "pt")).logMessage(texts);
    context("pt-BR", Map.of()).logMessage(texts);
    context("fr", Map.of()).logMessage(texts);
    context(null, Map.of()).logMessage(texts, System.Logger.Level.ERROR);
    context("fr", Map.of()).logMessage(Map.of("de", "Fertig"));
    context("fr", Map.of()).logMessage(Map.of());
    List<PluginEvent> events = sink.events(EventType.MESSAGE);
    assertEquals(List.of("처리 완료", "Processamento concluído", "Processamento concluído", "Processing done", "Processing done",
        "Fertig", ""), events.stream().map(PluginEvent::message).toList());
    assertEquals(Map.of("language", "ko"), events.get(0).data());
    assertEquals(Map.of("language", "en"), events.get(3).data());
    assertEquals(System.Logger.Level.ERROR, events.get(4).level());
    assertEquals(Map.of(), events.get(6).data());
  }

  @Test
  void theRunsLanguageComesFromTheRunThenTheEnvironmentThenEnglish() {
    assertEquals("ko", context("ko", Map.of("SYNAPSE_LANGUAGE", "pt")).language());
    assertEquals("pt", context(null, Map.of("SYNAPSE_LANGUAGE", " pt ")).language());
    assertEquals("en", context(null, Map.of("SYNAPSE_LANGUAGE", " ")).language());
    assertEquals("en", context(null, Map.of()).language());
    for (String bad : List.of("", "k", "ko kr", "../etc", "ko-", "x".repeat(40))) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RuntimeContext.builder("a").language(bad));
      assertTrue(error.getMessage().contains("is not a language code"), error.getMessage());
    }
    assertNull(io.synapse.plugins.RunOptions.defaults().language());
    assertEquals("ko", io.synapse.plugins.RunOptions.builder().language("ko").build().language());
  }
}
