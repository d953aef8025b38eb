package io.synapse.plugins.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapse.plugins.environment.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes each event as one line of JSON (JSON Lines, UTF-8, {@code \n}-terminated) to a file or stream,
 * for other processes to read: the Ray backends, job log collectors, a parent process tailing the file.
 * Each line is flushed as it is written.
 *
 * <p><b>Format.</b> Every line is one JSON object with exactly these keys, in this order; a key whose
 * value is absent is present with {@code null}:
 * <pre>
 * {"type":"progress",                      // log | progress | metrics | message | dev_event
 *  "level":"INFO",                         // TRACE | DEBUG | INFO | WARNING | ERROR
 *  "timestamp":"2026-01-01T12:00:00.123Z", // ISO-8601 instant, UTC
 *  "job_id":"job-7",                       // null when the run has no job id
 *  "plugin":"my_plugin",                   // the reporting action's plugin code; null when unknown
 *  "action":"train",                       // the reporting action
 *  "category":"epochs",                    // progress/metrics category or step; null for most logs
 *  "name":null,                            // event name of log and dev_event events
 *  "message":null,                         // text of message events and of the logger's log events
 *  "data":{"elapsed_ms":1200,"eta_ms":800},// always an object; the event's data, JSON-like
 *  "progress":{"current":3,"total":5,"percent":60.0}} // progress events only, else null
 * </pre>
 * Data values that are not JSON-like (maps with any keys, lists, strings, numbers, booleans, null) are
 * written as their {@code toString()}. Events are written as received: wrap the sink with a
 * {@link Redactor} or give the context one (the executors do) so that secrets never reach the file.
 *
 * <p>Thread-safe. An I/O failure never fails the action: the first one is logged, and later events are
 * dropped.
 */
public final class JsonLinesSink implements EventSink, AutoCloseable {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final OutputStream out;
  private final boolean ownsStream;
  private boolean failed;

  /**
   * A sink appending to {@code file}, created if missing.
   *
   * @throws UncheckedIOException when the file cannot be opened
   */
  public JsonLinesSink(Path file) {
    this(open(file), true);
  }

  /** A sink writing to {@code out}; closing the sink does not close {@code out}. */
  public JsonLinesSink(OutputStream out) {
    this(out, false);
  }

  private JsonLinesSink(OutputStream out, boolean ownsStream) {
    this.out = Objects.requireNonNull(out, "out");
    this.ownsStream = ownsStream;
  }

  /** The event as one line of JSON in this class's format, without the line end. */
  public static String toJsonLine(PluginEvent event) {
    try {
      return MAPPER.writeValueAsString(toJson(event));
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; this would be a Jackson bug.
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void accept(PluginEvent event) {
    if (failed) {
      return;
    }
    try {
      out.write((toJsonLine(event) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | RuntimeException e) {
      failed = true;
      System.getLogger(JsonLinesSink.class.getName()).log(System.Logger.Level.WARNING, "cannot write events; dropping the rest: " + e);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      System.getLogger(JsonLinesSink.class.getName()).log(System.Logger.Level.WARNING, "cannot flush events: " + e);
    }
  }

  /** Flushes, and closes the file when the sink opened it. */
  @Override
  public synchronized void close() {
    flush();
    if (ownsStream) {
      try {
        out.close();
      } catch (IOException e) {
        System.getLogger(JsonLinesSink.class.getName()).log(System.Logger.Level.WARNING, "cannot close the events file: " + e);
      }
    }
  }

  private static ObjectNode toJson(PluginEvent event) {
    ObjectNode node = NODES.objectNode();
    node.put("type", event.type().name().toLowerCase(Locale.ROOT));
    node.put("level", event.level().getName());
    node.put("timestamp", event.timestamp().toString());
    node.put("job_id", event.jobId());
    node.put("plugin", event.plugin());
    node.put("action", event.action());
    node.put("category", event.category());
    node.put("name", event.name());
    node.put("message", event.message());
    node.set("data", toJsonValue(event.data()));
    PluginEvent.Progress progress = event.progress();
    if (progress == null) {
      node.putNull("progress");
    } else {
      ObjectNode progressNode = node.putObject("progress");
      progressNode.put("current", progress.current());
      progressNode.put("total", progress.total());
      progressNode.put("percent", progress.percent());
    }
    return node;
  }

  private static JsonNode toJsonValue(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((key, item) -> object.set(String.valueOf(key), toJsonValue(item)));
      return object;
    }
    if (value instanceof Iterable<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(toJsonValue(item)));
      return array;
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      // JSON has no NaN or infinity; writing them as text keeps the line valid.
      return Double.isFinite(number) ? NODES.numberNode(number) : NODES.textNode(String.valueOf(number));
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.numberNode(decimal);
    }
    if (value instanceof BigInteger integer) {
      return NODES.numberNode(integer);
    }
    return NODES.textNode(String.valueOf(value));
  }

  private static OutputStream open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open events file " + file, e);
    }
  }
}
