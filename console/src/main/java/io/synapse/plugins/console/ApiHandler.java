package io.synapse.plugins.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.environment.Redactor;
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
 *   <li>{@code POST /api/runs/ID/stop}: stops a run (a JOB through Ray);
 *   <li>{@code GET /api/pipeline-runs}: the pipeline run store's newest runs, each action's status;
 *   <li>{@code POST /api/pipeline-runs} {@code {plugin, pipeline, mode, params}}: 202 with the run's id;
 *   <li>{@code POST /api/pipeline-runs/ID/resume} {@code {mode, secrets}}, {@code .../cancel}.
 * </ul>
 *
 * Errors are {@code {"error": {"code", "message", "details"}}}; no response quotes a request's body.
 */
final class ApiHandler implements HttpHandler {
  private static final Pattern RUN = Pattern.compile("/api/runs/(run-[0-9]{1,18})(/events|/stop)?");
  private static final Pattern PIPELINE_RUN = Pattern.compile("/api/pipeline-runs/([A-Za-z0-9_.-]{1,64})/(resume|cancel)");

  private final PluginCatalog catalog;
  private final RunLauncher launcher;
  private final PipelineRuns pipelines;
  private final EventStream events;
  private final PrintStream log;

  ApiHandler(PluginCatalog catalog, RunLauncher launcher, PipelineRuns pipelines, EventStream events, PrintStream log) {
    this.catalog = catalog;
    this.launcher = launcher;
    this.pipelines = pipelines;
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
    } catch (ActionNotFoundError | PluginNotFoundError | io.synapse.plugins.errors.PipelineNotFoundError
        | io.synapse.plugins.errors.RunNotFoundError e) {
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
        ConsoleRun run = launcher.start(text(body, "plugin"), text(body, "action"), mode(body), params(body));
        HttpIo.sendJson(exchange, 202, Map.of("run", run.summary()));
      }
      case "/api/pipeline-runs" -> {
        if ("GET".equals(method)) {
          HttpIo.sendJson(exchange, 200, Map.of("runs", pipelines.summaries()));
          return;
        }
        expect(method, "POST");
        Map<String, Object> body = HttpIo.readJsonObject(exchange);
        String runId = pipelines.start(text(body, "plugin"), text(body, "pipeline"), mode(body), params(body));
        HttpIo.sendJson(exchange, 202, Map.of("run_id", runId));
      }
      default -> {
        if (path.startsWith("/api/pipeline-runs/")) {
          pipelineRunRoute(exchange, method, path);
        } else {
          runRoute(exchange, method, path);
        }
      }
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

  private void pipelineRunRoute(HttpExchange exchange, String method, String path) throws IOException {
    Matcher matcher = PIPELINE_RUN.matcher(path);
    if (!matcher.matches()) {
      throw new HttpIo.RequestError(404, "not_found", "no such API path");
    }
    expect(method, "POST");
    Map<String, Object> body = HttpIo.readJsonObject(exchange);
    Map<String, Object> result = new LinkedHashMap<>();
    if (matcher.group(2).equals("resume")) {
      pipelines.resume(matcher.group(1), mode(body), object(body, "secrets"));
      result.put("resumed", true);
      HttpIo.sendJson(exchange, 202, result);
    } else {
      result.put("cancelled", pipelines.cancel(matcher.group(1)));
      HttpIo.sendJson(exchange, 200, result);
    }
  }

  private static ExecutionMode mode(Map<String, Object> body) {
    Object modeText = body.getOrDefault("mode", "local");
    return ExecutionMode.of(modeText instanceof String text ? text : String.valueOf(modeText));
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

  private static Map<String, Object> params(Map<String, Object> body) {
    return object(body, "params");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> body, String key) {
    Object value = body.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new HttpIo.RequestError(400, "bad_request", "\"" + key + "\" must be a JSON object");
    }
    return (Map<String, Object>) value;
  }
}
