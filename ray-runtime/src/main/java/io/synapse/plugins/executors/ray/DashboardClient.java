package io.synapse.plugins.executors.ray;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.json.Json;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * The Ray dashboard's HTTP API (Job Submission and packages) over {@link HttpClient}, turning every
 * failure into a precise {@link PluginError}: the dashboard unreachable (with its URL), an unknown job
 * id, an error status or a non-JSON body (with the status, the content type and an excerpt of the body).
 *
 * <p><b>Bounded.</b> Every exchange ends within the request timeout, headers and body together: a
 * dashboard that does not answer, or sends its body slowly or endlessly, is a {@value
 * RayJobExecutor#DASHBOARD_ERROR} when the time is up. A body is read up to {@link #maxReplyBytes} (logs:
 * {@link #maxLogBytes}, streamed line by line instead of held), an error body up to
 * {@value #ERROR_BODY_BYTES}; the JDK bounds the headers. Redirects are never followed.
 *
 * <p><b>Retried.</b> Idempotent requests (reads, package uploads, stops, and submits, which always carry
 * their submission id) are tried again after a transient failure (nothing listening, the connection lost
 * before an answer, 502, 503, 504, Ray's "No available agent") as the {@link RetryPolicy} says; each
 * retry is reported to a {@link RetryListener}, and the error after the last one counts the attempts.
 */
final class DashboardClient {
  private static final int EXCERPT = 500;
  /** How much of an error reply's body is read: enough for an excerpt. */
  static final int ERROR_BODY_BYTES = 64 * 1024;
  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504);

  /** Told about each retry before its pause. */
  @FunctionalInterface
  interface RetryListener {
    /** Retry {@code retry} of {@code maxRetries} of {@code request} comes after {@code delay}, because of {@code cause}. */
    void retrying(String request, int retry, int maxRetries, Duration delay, String cause);

    /** A listener that does nothing. */
    static RetryListener none() {
      return (request, retry, maxRetries, delay, cause) -> { };
    }
  }

  /** Reads a successful reply's body; it may stream it. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(InputStream body) throws IOException;
  }

  private final URI base;
  private final Map<String, String> headers;
  private final Duration requestTimeout;
  private final long maxReplyBytes;
  private final long maxLogBytes;
  private final RetryPolicy retries;
  private final RetryListener listener;
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

  DashboardClient(String baseUrl, Map<String, String> headers, Duration requestTimeout, long maxReplyBytes, long maxLogBytes,
      RetryPolicy retries, RetryListener listener) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.base = URI.create(trimmed);
    this.headers = new TreeMap<>(headers);
    this.requestTimeout = requestTimeout;
    this.maxReplyBytes = maxReplyBytes;
    this.maxLogBytes = maxLogBytes;
    this.retries = retries;
    this.listener = listener;
    this.http = HttpClient.newBuilder()
        .connectTimeout(requestTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** A client of {@code baseUrl} with no headers, the default limits, {@code retries} and no listener. */
  static DashboardClient of(String baseUrl, Duration requestTimeout, RetryPolicy retries) {
    return new DashboardClient(baseUrl, Map.of(), requestTimeout, RayExecutorBuilder.DEFAULT_MAX_REPLY_BYTES,
        RayExecutorBuilder.DEFAULT_MAX_LOG_BYTES, retries, RetryListener.none());
  }

  /** This client reporting retries to {@code retryListener}. */
  DashboardClient withListener(RetryListener retryListener) {
    return new DashboardClient(base.toString(), headers, requestTimeout, maxReplyBytes, maxLogBytes, retries, retryListener);
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

  Duration requestTimeout() {
    return requestTimeout;
  }

  RetryPolicy retries() {
    return retries;
  }

  RetryListener listener() {
    return listener;
  }

  /** The largest log read, in bytes. */
  long maxLogBytes() {
    return maxLogBytes;
  }

  /**
   * A status, the body (of a successful reply: whole; of an error: its start) and the content type.
   *
   * @param status the HTTP status
   * @param body the body as text, empty when there was none
   * @param contentType the {@code Content-Type} header, or null
   * @param attempts how many times the request was sent
   */
  record Reply(int status, String body, String contentType, int attempts) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  /** A reply whose successful body went to a {@link BodyReader}: its value, or the error reply. */
  record Streamed<T>(Reply reply, T value) {}

  Reply get(String path) {
    return send("GET", path, null, null, true);
  }

  /** A GET whose body may be as large as a log ({@link #maxLogBytes}): the list of jobs. */
  Reply getLarge(String path) {
    return stream("GET", path, null, null, maxLogBytes, true, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).reply();
  }

  Reply postJson(String path, Object json, boolean idempotent) {
    return send("POST", path, Json.write(json).getBytes(StandardCharsets.UTF_8), "application/json", idempotent);
  }

  Reply put(String path, byte[] body) {
    return send("PUT", path, body, "application/octet-stream", true);
  }

  Reply delete(String path) {
    return send("DELETE", path, null, null, true);
  }

  private Reply send(String method, String path, byte[] body, String contentType, boolean idempotent) {
    return stream(method, path, body, contentType, maxReplyBytes, idempotent,
        in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).reply();
  }

  /**
   * GETs {@code path} and hands a successful body, up to {@link #maxLogBytes} of it, to {@code reader} as it
   * arrives (an error reply is returned instead).
   */
  <T> Streamed<T> getStreaming(String path, BodyReader<T> reader) {
    return stream("GET", path, null, null, maxLogBytes, true, reader);
  }

  /**
   * Sends one request, tried again after transient failures when it is {@code idempotent}.
   *
   * @throws PluginError {@value RayJobExecutor#DASHBOARD_UNREACHABLE} when nothing answers at the URL,
   *     {@value RayJobExecutor#DASHBOARD_ERROR} when the exchange does not end in time, the body is too
   *     large, or the reader fails
   */
  private <T> Streamed<T> stream(String method, String path, byte[] body, String contentType, long maxBytes, boolean idempotent,
      BodyReader<T> reader) {
    int maxRetries = idempotent ? retries.maxRetries() : 0;
    for (int attempt = 1; ; attempt++) {
      try {
        Streamed<T> streamed = exchange(method, path, body, contentType, maxBytes, reader);
        if (attempt <= maxRetries && isTransient(streamed.reply())) {
          pause(method, path, attempt, maxRetries, "status " + streamed.reply().status());
          continue;
        }
        Reply reply = streamed.reply();
        return attempt == 1 ? streamed
            : new Streamed<>(new Reply(reply.status(), reply.body(), reply.contentType(), attempt), streamed.value());
      } catch (Transient failure) {
        if (attempt > maxRetries) {
          throw failure.error(attempt);
        }
        pause(method, path, attempt, maxRetries, String.valueOf(failure.error(attempt).getMessage()));
      }
    }
  }

  private void pause(String method, String path, int attempt, int maxRetries, String cause) {
    Duration delay = retries.delayBefore(attempt);
    listener.retrying(method + " " + path, attempt, maxRetries, delay, cause);
    RayJobExecutor.sleep(delay.toMillis());
  }

  private static boolean isTransient(Reply reply) {
    return TRANSIENT_STATUSES.contains(reply.status())
        || (reply.status() == 500 && reply.body() != null && reply.body().contains("No available agent"));
  }

  /** A failure another attempt may not have: the error to raise after {@code attempts} attempts. */
  private final class Transient extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Exception cause;

    Transient(Exception cause) {
      super(null, cause, false, false);
      this.cause = cause;
    }

    PluginError error(int attempts) {
      PluginError error = refusedOrUnanswered(cause) ? unreachable(cause)
          : new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard at " + base + " closed the connection without"
              + " answering: " + rootCause(cause), Map.of("url", base.toString()), cause);
      Map<String, Object> details = new LinkedHashMap<>(error.details());
      details.put(RetryPolicy.ATTEMPTS, attempts);
      return new PluginError(error.code(), error.getMessage() + (attempts > 1 ? " (after " + attempts + " attempts)" : ""), details, cause);
    }
  }

  private <T> Streamed<T> exchange(String method, String path, byte[] body, String contentType, long maxBytes, BodyReader<T> reader) {
    URI uri = base.resolve(base.getPath() + path);
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), BoundedBody.handler(deadline, maxBytes));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new Transient(e);
    } catch (HttpTimeoutException e) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard at " + base + " did not answer " + method + " " + path
          + " within " + requestTimeout, details(method, path, null), e);
    } catch (IOException e) {
      // Nothing answered, or the connection was lost before a reply: a head restarting looks like this.
      throw new Transient(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "Interrupted during " + method + " " + uri, details(method, path, null), e);
    }
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse(null);
    try (InputStream in = response.body()) {
      if (status / 100 != 2) {
        return new Streamed<>(new Reply(status, errorBody(in), type, 1), null);
      }
      T value = reader.read(in);
      return new Streamed<>(new Reply(status, value instanceof String text ? text : "", type, 1), value);
    } catch (BoundedBody.TooLate e) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard at " + base + " did not finish its reply to " + method + " "
          + path + " within " + requestTimeout, details(method, path, status), e);
    } catch (BoundedBody.TooLarge e) {
      Map<String, Object> details = details(method, path, status);
      details.put("limit_bytes", e.limit);
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard at " + base + " answered " + method + " " + path
          + " with more than " + e.limit + " bytes", details, e);
    } catch (LogsReply.Malformed e) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard answered " + method + " " + path + " with status " + status
          + " but not the JSON it sends (" + e.getMessage() + ", content type " + type + ")", details(method, path, status), e);
    } catch (IOException e) {
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "Reading the reply of the Ray dashboard at " + base + " to " + method + " "
          + path + " failed: " + e, details(method, path, status), e);
    }
  }

  /** Up to {@value #ERROR_BODY_BYTES} bytes of an error reply: enough for its excerpt. */
  private static String errorBody(InputStream in) throws IOException {
    return new String(in.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
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
          + reply.status() + " but not JSON: " + excerpt(reply.body(), redactor) + " (content type " + reply.contentType() + ")",
          details(method, path, reply.status()), e);
    }
  }

  /**
   * Checks the status.
   *
   * @throws PluginError {@value RayJobExecutor#DASHBOARD_ERROR} with the status and an excerpt of the body
   */
  void requireOk(String method, String path, Reply reply, Redactor redactor) {
    if (!reply.ok()) {
      Map<String, Object> details = details(method, path, reply.status());
      if (reply.attempts() > 1) {
        details.put(RetryPolicy.ATTEMPTS, reply.attempts());
      }
      throw new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard answered " + method + " " + path + " with status "
          + reply.status() + (reply.status() / 100 == 3 ? " (a redirect, not followed)" : "") + ": " + excerpt(reply.body(), redactor),
          details);
    }
  }

  /** The start of {@code body}, redacted, without control characters (a binary reply shows as such). */
  static String excerpt(String body, Redactor redactor) {
    String text = redactor.redact(body == null ? "" : body.strip());
    String shown = text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "... (" + text.length() + " chars)";
    StringBuilder clean = new StringBuilder(shown.length());
    shown.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) && c != '\n' && c != '\t' ? '?' : c));
    return clean.toString();
  }

  private Map<String, Object> details(String method, String path, Integer status) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("url", base.toString());
    details.put("request", method + " " + path);
    if (status != null) {
      details.put("status", status);
    }
    return details;
  }

  private static boolean refusedOrUnanswered(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
