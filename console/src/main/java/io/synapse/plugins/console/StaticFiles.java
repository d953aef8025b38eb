package io.synapse.plugins.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's page, script and style sheet, read from the jar once. Only these names are served:
 * a request path is looked up in a fixed table, never joined to a directory, so no path (dots,
 * encoded slashes, absolute paths) can reach another file.
 */
final class StaticFiles implements HttpHandler {
  private static final String BASE = "/io/synapse/plugins/console/web/";

  private record File(String contentType, byte[] bytes) {}

  private final Map<String, File> files = Map.of(
      "/", load("index.html", "text/html; charset=utf-8"),
      "/index.html", load("index.html", "text/html; charset=utf-8"),
      "/app.js", load("app.js", "text/javascript; charset=utf-8"),
      "/forms.js", load("forms.js", "text/javascript; charset=utf-8"),
      "/style.css", load("style.css", "text/css; charset=utf-8"));

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      HttpIo.sendError(exchange, 405, "method_not_allowed", "only GET and HEAD are served here");
      return;
    }
    File file = files.get(exchange.getRequestURI().getRawPath());
    if (file == null) {
      HttpIo.sendError(exchange, 404, "not_found", "no such page");
      return;
    }
    HttpIo.send(exchange, 200, file.contentType(), file.bytes());
  }

  private static File load(String name, String contentType) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("the console's " + name + " is missing from its jar");
      }
      return new File(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
