package io.synapse.plugins.executors.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.JsonLinesSink;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remote protocol's one codec: every message type round-trips; anything else is a precise protocol error. */
class RemoteProtocolTest {
  static final PluginEvent PROGRESS = new PluginEvent(EventType.PROGRESS, System.Logger.Level.INFO, "count", "count", null, null,
      Map.of("elapsed_ms", 3), new PluginEvent.Progress(2, 4), Instant.parse("2026-01-01T00:00:00Z"), "job-1");

  private static RemoteMessage roundTrip(RemoteMessage message) {
    String line = RemoteProtocol.write(message);
    assertFalse(line.contains("\n"), "one line: " + line);
    assertTrue(RemoteProtocol.looksLikeMessage(line), line);
    return RemoteProtocol.read(line);
  }

  @Test
  void everyMessageTypeRoundTrips() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("n", 3);
    params.put("ratio", new BigDecimal("0.25"));
    params.put("tags", List.of("a", "b"));
    params.put("nested", Map.of("x", true));
    RemoteMessage.Request request = new RemoteMessage.Request("r-1", "demo", "count", params, Map.of("A", "1"), "job-1", ".", "ko", "m");
    assertEquals(request, roundTrip(request));
    RemoteMessage.Request bare = new RemoteMessage.Request("r-2", "demo", "count", null, null, null, null, null, null);
    assertEquals(bare, roundTrip(bare));
    assertEquals(new RemoteMessage.Event("r-1", PROGRESS), roundTrip(new RemoteMessage.Event("r-1", PROGRESS)));
    RemoteMessage.Result result = new RemoteMessage.Result("r-1", Map.of("total", 5, "words", List.of("a")), 42);
    assertEquals(result, roundTrip(result));
    RemoteMessage.Result none = new RemoteMessage.Result("r-1", null, 42);
    assertEquals(none, roundTrip(none));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("action", "count");
    details.put("job_id", null);
    RemoteMessage.Failure failure = new RemoteMessage.Failure("r-1", "execution_error", "it failed", details, "java.lang.X", "boom",
        "java.lang.X: boom\n\tat a.B.c(B.java:1)", 42);
    assertEquals(failure, roundTrip(failure));
    assertEquals(new RemoteMessage.Poll("r-1", 500), roundTrip(new RemoteMessage.Poll("r-1", 500)));
    assertEquals(new RemoteMessage.Cancel("r-1", "stopped"), roundTrip(new RemoteMessage.Cancel("r-1", "stopped")));
    RemoteMessage.Request sealed = new RemoteMessage.Request("r-3", "demo", "count", null, null, "j", null, null, "m", "00ff", null);
    assertEquals(sealed, roundTrip(sealed));
    assertFalse(sealed.toString().contains("00ff"), "a request's string shows no key, params or environment");
  }

  @Test
  void aRunContextAndAnEventsPluginRoundTrip() {
    RemoteMessage.Request traced = new RemoteMessage.Request("r-3", "demo", "count", null, null, null, null, null, null, null,
        Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tracestate", "k=v"));
    assertEquals(traced, roundTrip(traced));
    assertFalse(RemoteProtocol.write(new RemoteMessage.Request("r", "p", "a", null, null, null, null, null, null)).contains("run_context"),
        "an empty context is not written");
    PluginEvent named = new PluginEvent(EventType.LOG, System.Logger.Level.INFO, "count", null, "started", null, Map.of(), null,
        Instant.parse("2026-01-01T00:00:00Z"), null, "demo");
    assertEquals("demo", ((RemoteMessage.Event) roundTrip(new RemoteMessage.Event("r", named))).event().plugin());
  }

  @Test
  void aHostileRunContextIsCutToWhatAnObserverCouldHaveWritten() {
    String base = RemoteProtocol.write(new RemoteMessage.Request("r", "p", "a", null, null, null, null, null, null));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    Map<String, Integer> expectedSizes = new LinkedHashMap<>();
    expectedSizes.put("{\"traceparent\":7,\"nested\":{\"a\":\"b\"},\"list\":[\"x\"],\"nil\":null,\"ok\":\"yes\"}", 1);
    expectedSizes.put("{\"" + "k".repeat(65) + "\":\"v\",\"long\":\"" + "v".repeat(1025) + "\",\"\":\"empty key\"}", 0);
    expectedSizes.put("{" + many + "}", RemoteProtocol.MAX_CONTEXT_ENTRIES);
    expectedSizes.put("\"not an object\"", 0);
    expectedSizes.put("[\"a\",\"b\"]", 0);
    expectedSizes.put("null", 0);
    for (Map.Entry<String, Integer> hostile : expectedSizes.entrySet()) {
      String line = base.substring(0, base.length() - 1) + ",\"run_context\":" + hostile.getKey() + "}";
      RemoteMessage.Request read = (RemoteMessage.Request) RemoteProtocol.read(line);
      assertEquals(hostile.getValue(), read.runContext().size(), hostile.getKey());
      assertTrue(read.runContext().values().stream().allMatch(v -> v.length() <= RemoteProtocol.MAX_CONTEXT_VALUE));
    }
  }

  @Test
  void anEventMessageEmbedsTheJsonLinesObjectAsItIs() {
    Map<?, ?> json = (Map<?, ?>) Json.parse(RemoteProtocol.write(new RemoteMessage.Event("r-1", PROGRESS)));
    assertEquals(Json.parse(JsonLinesSink.toJsonLine(PROGRESS)), json.get("event"));
    assertEquals(Map.of("protocol", "synapse-remote", "version", 1, "type", "event", "id", "r-1"),
        Map.of("protocol", json.get("protocol"), "version", json.get("version"), "type", json.get("type"), "id", json.get("id")));
  }

  @Test
  void transcriptsHoldOneMessagePerLine() {
    List<RemoteMessage> messages = List.of(new RemoteMessage.Event("r", PROGRESS), new RemoteMessage.Event("r", PROGRESS),
        new RemoteMessage.Result("r", "ok", 1));
    String transcript = RemoteProtocol.transcript(messages);
    assertEquals(3, transcript.lines().count());
    assertEquals(messages, RemoteProtocol.readTranscript(transcript + "\n\n"));
  }

  @Test
  void fieldsAReaderDoesNotKnowAreIgnored() {
    String line = RemoteProtocol.write(new RemoteMessage.Result("r", 1, 7));
    String extended = line.substring(0, line.length() - 1) + ",\"mac\":\"abc\",\"extra\":{\"x\":1}}";
    assertEquals(new RemoteMessage.Result("r", 1, 7), RemoteProtocol.read(extended));
  }

  @Test
  void otherVersionsOtherProtocolsAndMalformedMessagesAreProtocolErrors() {
    String result = RemoteProtocol.write(new RemoteMessage.Result("r", 1, 7));
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(result.replace("\"version\":1", "\"version\":2"), "version 2");
    cases.put(result.replace("\"version\":1", "\"version\":\"1\""), "version 1");
    cases.put(result.replace("synapse-remote", "other"), "not a synapse-remote message");
    cases.put("{\"ok\":true,\"result\":1}", "not a synapse-remote message");
    cases.put("[1,2]", "not a synapse-remote message");
    cases.put("{\"protocol\":\"synapse-remote\",\"ver", "not JSON");
    cases.put(result.replace("\"type\":\"result\"", "\"type\":\"heartbeat\""), "type 'heartbeat' is unknown");
    cases.put(result.replace("\"id\":\"r\",", ""), "no 'id'");
    cases.put(RemoteProtocol.write(new RemoteMessage.Request("r", "p", "a", null, null, null, null, null, null)).replace("\"plugin\":\"p\",", ""),
        "no 'plugin'");
    cases.put(RemoteProtocol.write(new RemoteMessage.Event("r", PROGRESS)).replace("\"INFO\"", "\"LOUD\""), "event is malformed");
    cases.put(RemoteProtocol.write(new RemoteMessage.Event("r", PROGRESS)).replace("2026-01-01T00:00:00Z", "yesterday"), "event is malformed");
    cases.put(result.replace("\"result\":1", "\"result\":1,\"error\":5").replace("\"type\":\"result\"", "\"type\":\"failure\""),
        "failure is malformed");
    cases.forEach((line, expected) -> {
      PluginError error = assertThrows(PluginError.class, () -> RemoteProtocol.read(line), line);
      assertEquals(RemoteProtocol.PROTOCOL_ERROR, error.code(), line);
      assertTrue(error.getMessage().contains(expected), expected + " in: " + error.getMessage());
    });
  }

  @Test
  void paramsThatAreNotJsonLikeAreAProtocolErrorOnWriting() {
    RemoteMessage.Request request = new RemoteMessage.Request("r", "p", "a", Map.of("self", new Object() {
      public Object getSelf() {
        return this;
      }
    }), null, null, null, null, null);
    PluginError error = assertThrows(PluginError.class, () -> RemoteProtocol.write(request));
    assertEquals(RemoteProtocol.PROTOCOL_ERROR, error.code());
  }
}
