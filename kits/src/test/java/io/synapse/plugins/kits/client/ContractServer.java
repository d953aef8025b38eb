package io.synapse.plugins.kits.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 that records every request and answers from routes (method and path
 * pattern), with faults a test can queue in front of them (an error status, a delay, a dropped
 * connection). The kits' HTTP client is tested against it.
 */
final class ContractServer implements AutoCloseable {
  /** A recorded request. */
  record Request(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          return header.getValue().get(0);
        }
      }
      return null;
    }

    String queryValue(String name) {
      List<String> values = query.get(name);
      return values == null ? null : values.get(0);
    }

    Object json() {
      try {
        return KitJson.parse(new String(body, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new AssertionError("request body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
      }
    }
  }

  /** An answer. */
  record Response(int status, byte[] body, Map<String, String> headers) {
    static Response json(int status, Object value) {
      return new Response(status, value == null ? new byte[0] : KitJson.write(value).getBytes(StandardCharsets.UTF_8),
          Map.of("Content-Type", "application/json"));
    }

    static Response bytes(byte[] body) {
      return new Response(200, body, Map.of("Content-Type", "application/octet-stream"));
    }
  }

  /** Answers a matched request. */
  @FunctionalInterface
  interface Route {
    Response answer(Request request, Matcher path) throws Exception;
  }

  /** A fault served instead of the route for the next matching request. */
  record Fault(String method, String pathPrefix, int status, long delayMillis, boolean drop, Map<String, String> headers) {}

  private record Entry(String method, Pattern path, Route route) {}

  private final HttpServer server;
  private final List<Entry> routes = Collections.synchronizedList(new ArrayList<>());
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();

  ContractServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The server's base URL, {@code http://127.0.0.1:<port>}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  ContractServer on(String method, String pathRegex, Route route) {
    // Later routes win, so a test can override one of the platform's.
    routes.add(0, new Entry(method, Pattern.compile(pathRegex), route));
    return this;
  }

  ContractServer fault(Fault fault) {
    faults.add(fault);
    return this;
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<Request> requests(String method, String pathPrefix) {
    return requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), query(uri.getRawQuery()),
          new LinkedHashMap<>(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
      requests.add(request);
      for (Fault fault : faults) {
        if (fault.method().equals(request.method()) && request.path().startsWith(fault.pathPrefix()) && faults.remove(fault)) {
          if (fault.delayMillis() > 0) {
            Thread.sleep(fault.delayMillis());
          }
          if (fault.drop()) {
            return; // closes without an answer
          }
          fault.headers().forEach(exchange.getResponseHeaders()::add);
          send(exchange, Response.json(fault.status(), Map.of("detail", "injected " + fault.status())));
          return;
        }
      }
      List<Entry> snapshot;
      synchronized (routes) {
        snapshot = List.copyOf(routes);
      }
      for (Entry entry : snapshot) {
        Matcher matcher = entry.path().matcher(request.path());
        if (entry.method().equals(request.method()) && matcher.matches()) {
          send(exchange, entry.route().answer(request, matcher));
          return;
        }
      }
      send(exchange, Response.json(404, Map.of("detail", "Not found.")));
    } catch (Exception e) {
      try {
        send(exchange, Response.json(500, Map.of("detail", "contract server failed: " + e)));
      } catch (IOException ignored) {
        // the client is gone
      }
    }
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    response.headers().forEach(exchange.getResponseHeaders()::add);
    if (response.body().length == 0) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), response.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body());
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /** The parts of a multipart/form-data body: field name to its bytes, file names under {@code <name>.filename}. */
  static Map<String, byte[]> multipart(Request request) {
    String type = request.header("Content-Type");
    if (type == null || !type.startsWith("multipart/form-data; boundary=")) {
      throw new AssertionError("not a multipart request: " + type);
    }
    byte[] boundary = ("--" + type.substring(type.indexOf('=') + 1)).getBytes(StandardCharsets.US_ASCII);
    byte[] body = request.body();
    Map<String, byte[]> parts = new LinkedHashMap<>();
    int start = indexOf(body, boundary, 0);
    while (start >= 0) {
      int headersStart = start + boundary.length + 2;
      if (headersStart > body.length || body[start + boundary.length] == '-') {
        break;
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      int next = indexOf(body, boundary, headersEnd + 4);
      byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
      Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
      if (!name.find()) {
        throw new AssertionError("multipart part without a name: " + headers);
      }
      parts.put(name.group(1), content);
      Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
      if (file.find()) {
        parts.put(name.group(1) + ".filename", file.group(1).getBytes(StandardCharsets.UTF_8));
      }
      start = next;
    }
    return parts;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
