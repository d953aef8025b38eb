package io.synapse.plugins.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading bounded JSON request bodies and writing JSON responses with the console's security
 * headers. Request bodies are read to at most {@link #MAX_BODY_BYTES}; JSON nesting and string
 * lengths are bounded by the parser.
 */
final class HttpIo {
  /** The largest request body read: params forms are small; anything larger is refused unread. */
  static final int MAX_BODY_BYTES = 1024 * 1024;
  /** The deepest JSON nesting accepted in a request. */
  static final int MAX_JSON_DEPTH = 64;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_JSON_DEPTH)
          .maxStringLength(MAX_BODY_BYTES)
          .maxNumberLength(400)
          .build())
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private HttpIo() {}

  /** A request the console refuses, with its HTTP status and an error code for the response. */
  static final class RequestError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    RequestError(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  /**
   * The request's body parsed as a JSON object, as maps, lists and scalars.
   *
   * @throws RequestError 413 over {@link #MAX_BODY_BYTES}, 415 without a JSON content type, 400 for
   *     anything that is not one well-formed JSON object
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readJsonObject(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new RequestError(415, "unsupported_media_type", "the request body must be application/json");
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new RequestError(400, "bad_request", "Content-Length is not a number");
      }
    }
    byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
    Object value;
    try {
      value = MAPPER.readValue(body, Object.class);
    } catch (JsonProcessingException e) {
      // The parser's own message may quote the body (a secret): say where, not what.
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new RequestError(400, "bad_json", "the request body is not well-formed JSON" + where);
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new RequestError(400, "bad_json", "the request body must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw tooLarge();
    }
    return bytes;
  }

  private static RequestError tooLarge() {
    return new RequestError(413, "payload_too_large", "the request body is over the " + MAX_BODY_BYTES + "-byte limit");
  }

  /** {@code value} as JSON text. */
  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a console response", e);
    }
  }

  /** Sends {@code value} as a JSON response. */
  static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", json(value).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends an error response {@code {"error": {"code": ..., "message": ...}}}. */
  static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    sendJson(exchange, status, Map.of("error", error));
  }

  /** Sends {@code body} with {@code contentType} and the security headers. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    securityHeaders(headers);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  /** The headers every response carries: no caching, no sniffing, no framing, scripts from the console only. */
  static void securityHeaders(Headers headers) {
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
  }
}
