package io.synapse.plugins.kits.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An {@code http} storage, as the platform's HTTP storage provider uses one: a file server at {@code base_url} that
 * takes a file as the multipart part {@code file} of a PUT to {@code base_url + path} (a POST when it answers 405),
 * with the configuration's {@code headers} and {@code timeout} (seconds, default 30). It cannot list or delete: the
 * kits only publish to it. The headers may carry credentials: they are sent only to {@code base_url}'s origin and
 * never appear in an error or {@link #toString()}; a base URL with user info is refused.
 */
public final class HttpStorage {
  /** The largest file published in one request (the body is built in memory). */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private final long storageId;
  private final URI baseUrl;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final HttpClient http;

  private HttpStorage(long storageId, URI baseUrl, Map<String, String> headers, Duration timeout) {
    this.storageId = storageId;
    this.baseUrl = baseUrl;
    this.headers = headers;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The HTTP storage {@code storage} describes.
   *
   * @throws BackendError of kind {@code UNSUPPORTED} when it is not an {@code http} storage, {@code INVALID_REQUEST}
   *     when its configuration is not usable
   */
  public static HttpStorage of(StorageRecord storage) {
    if (!StorageProviders.isHttp(storage.provider())) {
      throw StorageProviders.unsupported(storage.id(), storage.provider(), "publish to", StorageProviders.HTTP);
    }
    Map<String, Object> config = storage.configuration();
    String base = config.get("base_url") instanceof String text ? text.strip() : "";
    URI url;
    try {
      url = URI.create(base.endsWith("/") ? base : base + "/");
    } catch (IllegalArgumentException e) {
      throw invalid(storage, "its base_url is not a URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw invalid(storage, "its base_url must be an http:// or https:// URL");
    }
    if (url.getRawUserInfo() != null || url.getRawQuery() != null) {
      throw invalid(storage, "its base_url must not carry user info or a query (put credentials in headers)");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (config.get("headers") instanceof Map<?, ?> map) {
      map.forEach((key, value) -> headers.put(String.valueOf(key), String.valueOf(value)));
    }
    long seconds = config.get("timeout") instanceof Number n ? n.longValue() : 30;
    if (seconds < 1 || seconds > 3600) {
      throw invalid(storage, "its timeout must be between 1 and 3600 seconds");
    }
    return new HttpStorage(storage.id(), url, Map.copyOf(headers), Duration.ofSeconds(seconds));
  }

  private static BackendError invalid(StorageRecord storage, String problem) {
    return BackendError.invalid("http storage " + storage.id() + " cannot be used: " + problem, Map.of("storage", storage.id()));
  }

  /** The URL a file published at {@code target} (a relative path) is at. */
  public String urlOf(String target) {
    return baseUrl.resolve(encodePath(target)).toString();
  }

  /**
   * Publishes {@code file} at {@code target}, a relative path under the base URL ({@code ..} and absolute paths
   * are refused).
   *
   * @return the file's URL
   */
  public String publish(Path file, String target) {
    String path = target.replace('\\', '/');
    if (path.startsWith("/") || java.util.Arrays.asList(path.split("/")).contains("..")) {
      throw BackendError.invalid("a published path must stay under the storage's base URL", Map.of("storage", storageId));
    }
    URI uri = baseUrl.resolve(encodePath(path));
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw BackendError.invalid(file.getFileName() + " is larger than the " + MAX_FILE_BYTES + " bytes published at once",
            Map.of("storage", storageId));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw BackendError.storage("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
    int status = send("PUT", uri, file.getFileName().toString(), bytes);
    if (status == 405) {
      status = send("POST", uri, file.getFileName().toString(), bytes);
    }
    if (status < 200 || status >= 300) {
      throw BackendError.http(status == 405 ? "POST" : "PUT", HttpTransport.safePath(uri), status, "");
    }
    return uri.toString();
  }

  private int send(String method, URI uri, String fileName, byte[] bytes) {
    Multipart body = new Multipart().file("file", fileName, bytes);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", body.contentType())
        .method(method, body.publisher());
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode();
    } catch (IOException e) {
      throw BackendError.transport(BackendError.Kind.CONNECTION, method, HttpTransport.safePath(uri),
          "the http storage did not answer (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BackendError.transport(BackendError.Kind.CONNECTION, method, HttpTransport.safePath(uri), "interrupted", e);
    }
  }

  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  /** Names the storage and its base URL's host, never its headers. */
  @Override
  public String toString() {
    return "HttpStorage[storage=" + storageId + ", host=" + baseUrl.getHost() + ", headers=(" + headers.size() + ", not shown)]";
  }
}
