package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.KitJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP for {@link HttpBackendClient}: builds URLs under the backend URL, adds the auth headers (only
 * for the backend's own origin), applies the timeouts, retries idempotent requests, reads JSON within
 * a size limit and turns every failure into a {@link BackendError} that names the method and path
 * (never the query, the headers or the token).
 */
final class HttpTransport {
  /** Methods that can be sent twice without being applied twice. */
  static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");
  private static final Set<Integer> RETRY_STATUSES = Set.of(502, 503, 504);
  private static final long MAX_JSON_BYTES = 64L * 1024 * 1024;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** A request body: the bytes and their content type. */
  record Body(HttpRequest.BodyPublisher publisher, String contentType) {
    static Body json(Object value) {
      return new Body(HttpRequest.BodyPublishers.ofString(KitJson.write(value), StandardCharsets.UTF_8), "application/json");
    }

    static Body multipart(Multipart parts) {
      return new Body(parts.publisher(), parts.contentType());
    }
  }

  private final HttpSettings settings;
  private final HttpClient http;
  private final String origin;
  private final Sleeper sleeper;

  /** Waits between retries; a seam for tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  HttpTransport(HttpSettings settings, Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.origin = origin(settings.baseUrl());
  }

  /** {@code path} (relative to the backend URL, or an absolute URL of the backend) with {@code query}. */
  URI uri(String path, Map<String, ?> query) {
    URI base;
    if (path.startsWith("http://") || path.startsWith("https://")) {
      base = URI.create(path);
      if (!origin(base).equals(origin)) {
        throw BackendError.badResponse("GET", safePath(base), "it points to another host than the backend; not followed");
      }
    } else {
      String root = settings.baseUrl().toString();
      base = URI.create((root.endsWith("/") ? root : root + "/") + (path.startsWith("/") ? path.substring(1) : path));
    }
    if (query == null || query.isEmpty()) {
      return base;
    }
    StringBuilder text = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
    for (Map.Entry<String, ?> entry : query.entrySet()) {
      Object value = entry.getValue();
      List<?> values = value instanceof List<?> list ? list : List.of(String.valueOf(value));
      for (Object item : values) {
        if (text.length() > 0) {
          text.append('&');
        }
        text.append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(String.valueOf(item), StandardCharsets.UTF_8));
      }
    }
    String raw = base.toString();
    int mark = raw.indexOf('?');
    return URI.create((mark < 0 ? raw : raw.substring(0, mark)) + "?" + text);
  }

  /** Sends a request and returns its JSON answer (null for an empty body). */
  Object json(String method, String path, Map<String, ?> query, Body body, Map<String, String> headers) {
    URI uri = uri(path, query);
    HttpResponse<InputStream> response = send(method, uri, body, headers, true);
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
      if (bytes.length > MAX_JSON_BYTES) {
        throw BackendError.badResponse(method, safePath(uri), "the body is larger than " + MAX_JSON_BYTES + " bytes");
      }
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return KitJson.parse(text);
      } catch (IOException e) {
        throw BackendError.badResponse(method, safePath(uri), "the body is not JSON (" + BackendError.excerpt(text) + ")");
      }
    } catch (IOException e) {
      throw failure(method, uri, e);
    }
  }

  /** Streams the bytes at {@code url} to {@code target}; credentials go only to the backend's origin. */
  Path download(String url, Path target) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw BackendError.invalid("not a URL", Map.of());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      if (uri.getScheme() == null) {
        uri = uri(url, Map.of());
      } else {
        throw BackendError.invalid("the HTTP client downloads http(s) URLs only, not " + scheme + ":", Map.of("scheme", scheme));
      }
    }
    boolean own = origin(uri).equals(origin);
    HttpResponse<InputStream> response = send("GET", uri, null, Map.of(), own);
    try (InputStream in = response.body()) {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".download", ".part");
      try {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw failure("GET", uri, e);
    }
  }

  /**
   * One PUT of a file range to a presigned URL (http or https, never the backend's credentials), not retried here.
   *
   * @return the ETag the storage answered, or ""
   */
  String putOnce(String url, Path file, long offset, long length, String contentType) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw BackendError.invalid("the presigned URL is not a URL", Map.of());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw BackendError.invalid("presigned uploads go to http(s) URLs only, not '" + scheme + ":'", Map.of("scheme", scheme));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout().multipliedBy(4));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.PUT(HttpRequest.BodyPublishers.fromPublisher(FileRange.publisher(file, offset, length), length));
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw failure("PUT", uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BackendError.transport(BackendError.Kind.CONNECTION, "PUT", safePath(uri), "interrupted", e);
    }
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw BackendError.http("PUT", safePath(uri), status, readExcerpt(response));
    }
    try (InputStream in = response.body()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw failure("PUT", uri, e);
    }
    return response.headers().firstValue("ETag").orElse("");
  }

  private HttpResponse<InputStream> send(String method, URI uri, Body body, Map<String, String> headers, boolean withAuth) {
    boolean idempotent = IDEMPOTENT.contains(method);
    int attempt = 0;
    while (true) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
      if (withAuth) {
        authHeaders().forEach(request::header);
      }
      headers.forEach(request::header);
      request.header("Accept", "application/json");
      if (body != null) {
        request.header("Content-Type", body.contentType());
        request.method(method, body.publisher());
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<InputStream> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        BackendError error = failure(method, uri, e);
        if (idempotent && attempt < settings.maxRetries()
            && (error.kind() == BackendError.Kind.CONNECTION || error.kind() == BackendError.Kind.TIMEOUT)) {
          pause(backoff(attempt++), method, uri);
          continue;
        }
        throw error;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw BackendError.transport(BackendError.Kind.CONNECTION, method, safePath(uri), "interrupted", e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return response;
      }
      String text = readExcerpt(response);
      if (idempotent && RETRY_STATUSES.contains(status) && attempt < settings.maxRetries()) {
        Duration wait = retryAfter(response).orElse(backoff(attempt));
        attempt++;
        pause(wait, method, uri);
        continue;
      }
      throw BackendError.http(method, safePath(uri), status, text);
    }
  }

  Map<String, String> authHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (settings.accessToken() != null) {
      headers.put("Synapse-Access-Token", "Token " + settings.accessToken());
    }
    if (settings.userToken() != null) {
      headers.put("Authorization", "Token " + settings.userToken());
    }
    if (settings.tenant() != null) {
      headers.put("Synapse-Tenant", "Token " + settings.tenant());
    }
    return headers;
  }

  private BackendError failure(String method, URI uri, IOException e) {
    boolean idempotent = IDEMPOTENT.contains(method);
    String path = safePath(uri);
    if (e instanceof HttpConnectTimeoutException) {
      return BackendError.transport(BackendError.Kind.CONNECTION, method, path,
          "connection timed out after " + settings.connectTimeout().toMillis() + " ms", e);
    }
    if (e instanceof ConnectException) {
      return BackendError.transport(BackendError.Kind.CONNECTION, method, path, "connection refused", e);
    }
    if (!idempotent) {
      // The request went out: the server may have applied it, so it is never sent again.
      return BackendError.transport(BackendError.Kind.RESPONSE_INCOMPLETE, method, path,
          "the response was lost (" + e.getClass().getSimpleName() + "); the request may have been applied", e);
    }
    if (e instanceof HttpTimeoutException) {
      return BackendError.transport(BackendError.Kind.TIMEOUT, method, path,
          "no response within " + settings.readTimeout().toMillis() + " ms", e);
    }
    return BackendError.transport(BackendError.Kind.CONNECTION, method, path, "connection error (" + e.getClass().getSimpleName() + ")", e);
  }

  private Duration backoff(int attempt) {
    Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt, 10));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        long seconds = Long.parseLong(value.trim());
        return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_RETRY_AFTER.toSeconds()))));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    });
  }

  private void pause(Duration wait, String method, URI uri) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BackendError.transport(BackendError.Kind.CONNECTION, method, safePath(uri), "interrupted while waiting to retry", e);
    }
  }

  private static String readExcerpt(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(BackendError.BODY_EXCERPT_LIMIT * 4), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The path of {@code uri}, without host, query or fragment (a query may hold signed-URL secrets). */
  static String safePath(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private static String origin(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT) + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }
}
