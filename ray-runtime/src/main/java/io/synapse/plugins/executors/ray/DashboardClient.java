package io.synapse.plugins.executors.ray;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Ray dashboard's HTTP API (Job Submission and packages) over {@link HttpClient}, turning every
 * failure into a precise {@link PluginError}: the dashboard unreachable (with its URL), an unknown job
 * id, an error status or a non-JSON body (with the status and an excerpt of the body).
 */
final class DashboardClient {
  private static final int EXCERPT = 500;

  private final URI base;
  private final Map<String, String> headers;
  private final Duration requestTimeout;
  private final HttpClient http;

  /**
   * {@code url} when it is an http or https URL.
   *
   * @throws io.synapse.plugins.errors.ConfigError otherwise
   */
  static String checkedUrl(String url) {
    java.util.Objects.requireNonNull(url, "url");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new io.synapse.plugins.errors.ConfigError("The Ray dashboard URL must start with http:// or https://, not '" + url + "'",
          Map.of("url", url));
    }
    return url;
  }

  DashboardClient(String baseUrl, Map<String, String> headers, Duration requestTimeout) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.base = URI.create(trimmed);
    this.headers = new TreeMap<>(headers);
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder()
        .connectTimeout(requestTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** The dashboard's URL, as given (without a trailing slash). */
  URI base() {
    return base;
  }

  HttpClient http() {
    return http;
  }

  Map<String, String> headers() {
    return headers;
  }

  /** A status and body. */
  record Reply(int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  Reply get(String path) {
    return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  Reply postJson(String path, Object json) {
    return send("POST", path, HttpRequest.BodyPublishers.ofString(Json.write(json), StandardCharsets.UTF_8), "application/json");
  }

  Reply put(String path, byte[] body) {
    return send("PUT", path, HttpRequest.BodyPublishers.ofByteArray(body), "application/octet-stream");
  }

  Reply delete(String path) {
    return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  /**
   * Sends one request.
   *
   * @throws PluginError {@value RayJobExecutor#DASHBOARD_UNREACHABLE} when nothing answers at the URL,
   *     {@value RayJobExecutor#DASHBOARD_ERROR} when the request times out
   */
  Reply send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    URI uri = base.resolve(base.getPath() + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).method(method, body);
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard at " + base + " did not answer " + method + " " + path
          + " within " + requestTimeout, details(method, path, null), e);
    } catch (IOException e) {
      if (rootCause(e) instanceof ConnectException) {
        throw unreachable(e);
      }
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "Request " + method + " " + uri + " to the Ray dashboard failed: " + e,
          details(method, path, null), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "Interrupted during " + method + " " + uri, details(method, path, null), e);
    }
  }

  PluginError unreachable(Exception e) {
    return new PluginError(RayJobExecutor.DASHBOARD_UNREACHABLE, "The Ray dashboard at " + base
        + " is unreachable (is the cluster up, and is this its dashboard URL?): " + rootCause(e),
        Map.of("url", base.toString()), e);
  }

  /**
   * The reply's body as JSON.
   *
   * @throws PluginError {@value RayJobExecutor#DASHBOARD_ERROR} for an error status or a body that is not JSON
   */
  Object json(String method, String path, Reply reply, Redactor redactor) {
    requireOk(method, path, reply, redactor);
    try {
      return Json.parse(reply.body());
    } catch (IllegalArgumentException e) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard answered " + method + " " + path + " with status "
          + reply.status() + " but not JSON: " + excerpt(reply.body(), redactor), details(method, path, reply), e);
    }
  }

  /**
   * Checks the status.
   *
   * @throws PluginError {@value RayJobExecutor#DASHBOARD_ERROR} with the status and an excerpt of the body
   */
  void requireOk(String method, String path, Reply reply, Redactor redactor) {
    if (!reply.ok()) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard answered " + method + " " + path + " with status "
          + reply.status() + ": " + excerpt(reply.body(), redactor), details(method, path, reply));
    }
  }

  static String excerpt(String body, Redactor redactor) {
    String text = redactor.redact(body == null ? "" : body.strip());
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "... (" + text.length() + " chars)";
  }

  private Map<String, Object> details(String method, String path, Reply reply) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("url", base.toString());
    details.put("request", method + " " + path);
    if (reply != null) {
      details.put("status", reply.status());
    }
    return details;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
