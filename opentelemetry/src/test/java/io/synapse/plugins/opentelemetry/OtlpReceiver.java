package io.synapse.plugins.opentelemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback, in the shape of a collector's {@code /v1/traces} endpoint: it takes the
 * protobuf {@code ExportTraceServiceRequest} the OpenTelemetry exporters send (gzip or not), keeps every span with
 * its resource's {@code service.name}, and answers with an empty {@code ExportTraceServiceResponse}. Stands in for
 * a collector, which this machine cannot install (no otelcol package on Debian, PyPI or Maven Central).
 */
final class OtlpReceiver implements AutoCloseable {
  /**
   * One received span, ids in lower-case hex.
   *
   * @param service the exporting resource's service.name
   * @param name the span name
   * @param kind the OTLP span kind
   * @param traceId the trace id
   * @param spanId the span id
   * @param parentSpanId the parent span id, empty for a root
   * @param attributes the span's string and number attributes, as text
   * @param error whether its status is ERROR
   */
  record ReceivedSpan(String service, String name, Span.SpanKind kind, String traceId, String spanId, String parentSpanId,
      Map<String, String> attributes, boolean error) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private int requests;

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/traces", this::receive);
    server.start();
  }

  /** The endpoint for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many export requests arrived. */
  synchronized int requests() {
    return requests;
  }

  /** Waits up to {@code timeout} until a received span matches {@code wanted}, then returns every span so far. */
  synchronized List<ReceivedSpan> await(Predicate<ReceivedSpan> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (spans.stream().noneMatch(wanted)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching span arrived within " + timeout + "; received " + spans);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(spans);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      InputStream body = exchange.getRequestBody();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
      record(request);
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      if (response.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response);
        }
      }
    }
  }

  private synchronized void record(ExportTraceServiceRequest request) {
    requests++;
    HexFormat hex = HexFormat.of();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service = text(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          spans.add(new ReceivedSpan(service, span.getName(), span.getKind(), hex.formatHex(span.getTraceId().toByteArray()),
              hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
              text(span.getAttributesList()), span.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR));
        }
      }
    }
    notifyAll();
  }

  private static Map<String, String> text(List<KeyValue> attributes) {
    Map<String, String> map = new LinkedHashMap<>();
    for (KeyValue attribute : attributes) {
      var value = attribute.getValue();
      String shown = switch (value.getValueCase()) {
        case STRING_VALUE -> value.getStringValue();
        case INT_VALUE -> Long.toString(value.getIntValue());
        case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
        case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
        default -> value.toString();
      };
      map.put(attribute.getKey(), shown);
    }
    return map;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
