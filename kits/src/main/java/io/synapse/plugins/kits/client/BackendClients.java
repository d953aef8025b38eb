package io.synapse.plugins.kits.client;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.errors.ConfigError;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Picks a run's backend client from its environment (what the action sees in {@code ctx().env()},
 * which is also what travels to TASK workers and JOB entrypoints):
 *
 * <ul>
 *   <li>{@value #HOST} and {@value #ACCESS_TOKEN} (or {@value #USER_TOKEN}, with {@value #TENANT}) give
 *       an {@link HttpBackendClient}; a token without a host means {@value #DEFAULT_HOST}, as the
 *       platform's own client does;
 *   <li>otherwise a {@link LocalBackendClient} at {@value #LOCAL_BACKEND}, or {@code ~/.synapse/local-backend}.
 * </ul>
 *
 * {@value #READ_TIMEOUT} (seconds) and {@value #RETRIES} tune the HTTP client. Token values are never
 * put in an error or a description.
 */
public final class BackendClients {
  /** The backend URL. */
  public static final String HOST = "SYNAPSE_HOST";
  /** The access token. */
  public static final String ACCESS_TOKEN = "SYNAPSE_ACCESS_TOKEN";
  /** The plugin-run user token (sent as {@code Authorization: Token ...}). */
  public static final String USER_TOKEN = "SYNAPSE_PLUGIN_RUN_USER_TOKEN";
  /** The plugin-run tenant code. */
  public static final String TENANT = "SYNAPSE_PLUGIN_RUN_TENANT";
  /** The directory of the local backend. */
  public static final String LOCAL_BACKEND = "SYNAPSE_LOCAL_BACKEND";
  /** The HTTP read timeout in seconds (default 15). */
  public static final String READ_TIMEOUT = "SYNAPSE_BACKEND_READ_TIMEOUT";
  /** How often idempotent HTTP requests are retried (default 3). */
  public static final String RETRIES = "SYNAPSE_BACKEND_RETRIES";
  /** The platform's default URL. */
  public static final String DEFAULT_HOST = "https://api.synapse.sh";

  private BackendClients() {}

  /** The client {@code env} selects (see the class description). */
  public static BackendClient fromEnvironment(PluginEnvironment env) {
    String host = blankToNull(env.get(HOST).orElse(null));
    String accessToken = blankToNull(env.get(ACCESS_TOKEN).orElse(null));
    String userToken = blankToNull(env.get(USER_TOKEN).orElse(null));
    if (host != null || accessToken != null || userToken != null) {
      return new HttpBackendClient(httpSettings(env, host, accessToken, userToken));
    }
    return local(env);
  }

  /** The local backend {@code env} names, or the default directory. */
  public static LocalBackendClient local(PluginEnvironment env) {
    String dir = blankToNull(env.get(LOCAL_BACKEND).orElse(null));
    Path root = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".synapse", "local-backend");
    return new LocalBackendClient(root, LocalPluginRuns.inProcess(env.asMap()));
  }

  private static HttpSettings httpSettings(PluginEnvironment env, String host, String accessToken, String userToken) {
    if (accessToken == null && userToken == null) {
      throw new ConfigError(HOST + " is set but neither " + ACCESS_TOKEN + " nor " + USER_TOKEN
          + " is: the Synapse backend needs a token", Map.of("missing", java.util.List.of(ACCESS_TOKEN, USER_TOKEN)));
    }
    URI url;
    try {
      url = URI.create(host != null ? host : DEFAULT_HOST);
      HttpSettings settings = HttpSettings.of(url, accessToken, userToken, blankToNull(env.get(TENANT).orElse(null)));
      int readSeconds = env.getInt(READ_TIMEOUT, 15);
      int retries = env.getInt(RETRIES, 3);
      if (readSeconds < 1 || readSeconds > 3600) {
        throw new ConfigError(READ_TIMEOUT + " must be between 1 and 3600 seconds", Map.of("variable", READ_TIMEOUT));
      }
      return settings.withTimeouts(settings.connectTimeout(), Duration.ofSeconds(readSeconds)).withRetries(retries, settings.backoff());
    } catch (IllegalArgumentException e) {
      // The message never quotes the URL: it may carry credentials.
      throw new ConfigError(HOST + " is not a usable backend URL: " + e.getMessage().replace(String.valueOf(host), "<" + HOST + ">"),
          Map.of("variable", HOST));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
