package io.synapse.plugins.kits.client;

import io.synapse.plugins.secrets.SecretRule;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpBackendClient} reaches a Synapse backend: a value whose equality says two clients
 * would behave the same. The tokens are never printed: {@link #toString()} masks them.
 *
 * @param baseUrl the backend URL ({@code https://api.synapse.sh}); http or https, no user info
 * @param accessToken the access token, sent as {@code Synapse-Access-Token: Token <token>}, or null
 * @param userToken the plugin-run user token, sent as {@code Authorization: Token <token>}, or null
 * @param tenant the tenant code, sent as {@code Synapse-Tenant: Token <tenant>}, or null
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response
 * @param maxRetries how many times an idempotent request (GET, PUT, DELETE) is sent again after a
 *     connection failure, a timeout or a 502/503/504; POST and PATCH are never sent twice
 * @param backoff the first wait between retries; it doubles, capped at 30 s ({@code Retry-After} at 60 s)
 * @param chunkSize the bytes per chunk of a chunked upload
 */
public record HttpSettings(URI baseUrl, String accessToken, String userToken, String tenant, Duration connectTimeout,
    Duration readTimeout, int maxRetries, Duration backoff, int chunkSize) {
  /** The platform's default chunk size: 50 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 50 * 1024 * 1024;

  /** Checks the parts. */
  public HttpSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("the backend URL must be an http(s) URL with a host");
    }
    if (baseUrl.getUserInfo() != null) {
      throw new IllegalArgumentException("the backend URL must not carry credentials; give the token instead");
    }
    if (accessToken == null && userToken == null) {
      throw new IllegalArgumentException("an access token or a user token is required");
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(backoff, "backoff");
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10");
    }
    if (chunkSize < 1024) {
      throw new IllegalArgumentException("chunkSize must be at least 1024 bytes");
    }
  }

  /** Settings with the platform client's defaults: 5 s to connect, 15 s to read, 3 retries from 2 s, 50 MiB chunks. */
  public static HttpSettings of(URI baseUrl, String accessToken, String userToken, String tenant) {
    return new HttpSettings(baseUrl, accessToken, userToken, tenant, Duration.ofSeconds(5), Duration.ofSeconds(15), 3,
        Duration.ofSeconds(2), DEFAULT_CHUNK_SIZE);
  }

  /** These settings with other timeouts. */
  public HttpSettings withTimeouts(Duration connect, Duration read) {
    return new HttpSettings(baseUrl, accessToken, userToken, tenant, connect, read, maxRetries, backoff, chunkSize);
  }

  /** These settings with another retry policy. */
  public HttpSettings withRetries(int retries, Duration firstBackoff) {
    return new HttpSettings(baseUrl, accessToken, userToken, tenant, connectTimeout, readTimeout, retries, firstBackoff, chunkSize);
  }

  /** These settings with another chunk size. */
  public HttpSettings withChunkSize(int bytes) {
    return new HttpSettings(baseUrl, accessToken, userToken, tenant, connectTimeout, readTimeout, maxRetries, backoff, bytes);
  }

  /** The settings with the tokens masked as {@link SecretRule#MASK}, the project's one mask. */
  @Override
  public String toString() {
    return "HttpSettings[baseUrl=" + baseUrl + ", accessToken=" + mask(accessToken) + ", userToken=" + mask(userToken)
        + ", tenant=" + tenant + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxRetries="
        + maxRetries + ", backoff=" + backoff + ", chunkSize=" + chunkSize + "]";
  }

  private static String mask(String token) {
    return token == null ? "null" : SecretRule.MASK;
  }
}
