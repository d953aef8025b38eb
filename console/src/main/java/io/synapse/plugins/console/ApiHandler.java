package io.synapse.plugins.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.context.Redactor;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's JSON API under {@code /api/}.
 *
 * <ul>
 *   <li>{@code GET /api/plugins}: the plugins, their actions, configurations and schemas;
 *   <li>{@code POST /api/validate} {@code {plugin, action, params}}: 200 {@code {"valid": true}}, or 422
 *       with every violation by field (wire names);
 *   <li>{@code POST /api/runs} {@code {plugin, action, mode, params}}: 202 with the new run, or 422;
 *   <li>{@code GET /api/runs}, {@code GET /api/runs/ID}: the runs, newest first;
 *   <li>{@code GET /api/runs/ID/events}: the run's events as server-sent events ({@link EventStream});
 *   <li>{@code POST /api/runs/ID/stop}: stops a run (a JOB through Ray).
 * </ul>
 *
 * Errors are {@code {"error": {"code", "message", "details"}}}; no response quotes a request's body.
 */
final class ApiHandler implements HttpHandler {
  private static final Pattern RUN = Pattern.compile("/api/runs/(run-[0-9]{1,18})(/events|/stop)?");

  private final PluginCatalog catalog;
  private final RunLauncher launcher;
  private final EventStream events;
  private final PrintStream log;

  ApiHandler(PluginCatalog catalog, RunLauncher launcher, EventStream events, PrintStream log) {
    this.catalog = catalog;
    this.launcher = launcher;
    this.events = events;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (HttpIo.RequestError e) {
      HttpIo.sendError(exchange, e.status, e.code, e.getMessage());
    } catch (ValidationError e) {
      Map<String, Object> error = EventJson.error(e, Redactor.none());
      HttpIo.sendJson(exchange, 422, Map.of("error", error));
    } catch (ActionNotFoundError | PluginNotFoundError e) {
      HttpIo.sendJson(exchange, 404, Map.of("error", EventJson.error(e, Redactor.none())));
    } catch (PluginError e) {
      HttpIo.sendJson(exchange, 400, Map.of("error", EventJson.error(e, Redactor.none())));
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException e) {
      // Never the message: it may quote what the request held.
      log.println("console: internal error " + e.getClass().getName() + " serving " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI().getRawPath());
      HttpIo.sendError(exchange, 500, "internal_error", "the console failed to answer: " + e.getClass().getName());
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    switch (path) {
      case "/api/plugins" -> {
        expect(method, "GET");
        HttpIo.sendJson(exchange, 200, Map.of("plugins", catalog.listing()));
      }
      case "/api/validate" -> {
        expect(method, "POST");
        Map<String, Object> body = HttpIo.readJsonObject(exchange);
        launcher.validate(text(body, "plugin"), text(body, "action"), params(body));
        HttpIo.sendJson(exchange, 200, Map.of("valid", true));
      }
      case "/api/runs" -> {
        if ("GET".equals(method)) {
          HttpIo.sendJson(exchange, 200, Map.of("runs", launcher.summaries()));
          return;
        }
        expect(method, "POST");
        Map<String, Object> body = HttpIo.readJsonObject(exchange);
        Object modeText = body.getOrDefault("mode", "local");
        ExecutionMode mode = ExecutionMode.of(modeText instanceof String text ? text : String.valueOf(modeText));
        ConsoleRun run = launcher.start(text(body, "plugin"), text(body, "action"), mode, params(body));
        HttpIo.sendJson(exchange, 202, Map.of("run", run.summary()));
      }
      default -> runRoute(exchange, method, path);
    }
  }

  private void runRoute(HttpExchange exchange, String method, String path) throws IOException {
    Matcher matcher = RUN.matcher(path);
    ConsoleRun run = matcher.matches() ? launcher.run(matcher.group(1)) : null;
    if (run == null) {
      throw new HttpIo.RequestError(404, "not_found", matcher.matches() ? "no such run" : "no such API path");
    }
    String rest = matcher.group(2);
    if (rest == null) {
      expect(method, "GET");
      HttpIo.sendJson(exchange, 200, Map.of("run", run.summary()));
    } else if (rest.equals("/events")) {
      expect(method, "GET");
      events.stream(exchange, run);
    } else {
      expect(method, "POST");
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("stopped", run.stop());
      HttpIo.sendJson(exchange, 200, result);
    }
  }

  private static void expect(String method, String wanted) {
    if (!wanted.equals(method)) {
      throw new HttpIo.RequestError(405, "method_not_allowed", "use " + wanted + " here");
    }
  }

  private static String text(Map<String, Object> body, String key) {
    if (!(body.get(key) instanceof String text) || text.isEmpty()) {
      throw new HttpIo.RequestError(400, "bad_request", "the request needs \"" + key + "\" as a non-empty string");
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> body) {
    Object params = body.get("params");
    if (params == null) {
      return Map.of();
    }
    if (!(params instanceof Map<?, ?>)) {
      throw new HttpIo.RequestError(400, "bad_request", "\"params\" must be a JSON object");
    }
    return (Map<String, Object>) params;
  }
}
