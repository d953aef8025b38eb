package io.synapse.plugins.executors.ray;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a Ray cluster is when the caller does not say: the one rule the Java API ({@link RayActorExecutor},
 * {@link RayJobExecutor}, {@code PluginRunner.runPlugin} in TASK and JOB mode) and the {@code synapse}
 * command line share, read from the variables {@code eval "$(scripts/ray.sh env)"} sets.
 *
 * <ul>
 *   <li><b>Cluster (GCS) address</b>, for TASK: the address given, else the {@value #ADDRESS_PROPERTY}
 *       system property, else {@value #ADDRESS_ENV} unless it is an http(s) URL (Ray's own {@code ray job}
 *       commands read a dashboard URL from it, which is no GCS address).
 *   <li><b>Dashboard URL</b>, for JOB and for the packages of both modes: the URL given, else
 *       {@value #DASHBOARD_ENV}, else {@value #ADDRESS_ENV} when it is an http(s) URL; else JOB uses
 *       {@value RayJobExecutor#DEFAULT_DASHBOARD_URL} and TASK asks the cluster for its head's port 8265.
 * </ul>
 *
 * A blank value counts as unset. No Ray class is loaded here.
 */
public final class RayDefaults {
  /** The system property naming the cluster's GCS address. */
  public static final String ADDRESS_PROPERTY = "ray.address";
  /** The environment variable naming the cluster's GCS address (or, as an http URL, its dashboard). */
  public static final String ADDRESS_ENV = "RAY_ADDRESS";
  /** The environment variable naming the dashboard URL. */
  public static final String DASHBOARD_ENV = "SYNAPSE_RAY_DASHBOARD";

  private final Function<String, String> env;
  private final Function<String, String> properties;

  private RayDefaults(Function<String, String> env, Function<String, String> properties) {
    this.env = env;
    this.properties = properties;
  }

  /** The defaults of this process: its environment variables and system properties. */
  public static RayDefaults current() {
    return new RayDefaults(System::getenv, System::getProperty);
  }

  /**
   * The defaults read from {@code env} (environment variables) and {@code properties} (system properties),
   * each returning null for an unset name.
   */
  public static RayDefaults of(Function<String, String> env, Function<String, String> properties) {
    return new RayDefaults(env, properties);
  }

  /** The cluster's GCS address: {@code given}, else {@value #ADDRESS_PROPERTY}, else {@value #ADDRESS_ENV} unless an http(s) URL. */
  public Optional<String> address(String given) {
    if (isSet(given)) {
      return Optional.of(given);
    }
    String property = properties.apply(ADDRESS_PROPERTY);
    if (isSet(property)) {
      return Optional.of(property);
    }
    String variable = env.apply(ADDRESS_ENV);
    return isSet(variable) && !isUrl(variable) ? Optional.of(variable) : Optional.empty();
  }

  /** The dashboard URL: {@code given}, else {@value #DASHBOARD_ENV}, else {@value #ADDRESS_ENV} when an http(s) URL. */
  public Optional<String> dashboardUrl(String given) {
    if (isSet(given)) {
      return Optional.of(given);
    }
    String variable = env.apply(DASHBOARD_ENV);
    if (isSet(variable)) {
      return Optional.of(variable);
    }
    String address = env.apply(ADDRESS_ENV);
    return isSet(address) && isUrl(address) ? Optional.of(address) : Optional.empty();
  }

  /** The dashboard a Ray Job is submitted to: {@link #dashboardUrl}, else {@value RayJobExecutor#DEFAULT_DASHBOARD_URL}. */
  public String jobDashboardUrl(String given) {
    return dashboardUrl(given).orElse(RayJobExecutor.DEFAULT_DASHBOARD_URL);
  }

  /**
   * Why no cluster address was found, for an error that goes on to say how to give one: names a
   * {@value #ADDRESS_ENV} that holds a dashboard URL, as that is the likely mistake.
   */
  public String missingAddressReason() {
    String variable = env.apply(ADDRESS_ENV);
    return isSet(variable) && isUrl(variable)
        ? "No Ray cluster address: " + ADDRESS_ENV + " holds a dashboard URL, which Ray Jobs use; TASK needs the GCS address"
            + " (host:port, as scripts/ray.sh start prints)"
        : "No Ray cluster address";
  }

  /** Whether {@code error} is the Ray backends' {@code ray_unavailable} error for a missing cluster address. */
  public static boolean isMissingAddress(io.synapse.plugins.errors.PluginError error) {
    return "ray_unavailable".equals(error.code()) && RayConnection.ADDRESS.equals(error.details().get(RayConnection.MISSING));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static boolean isUrl(String value) {
    String lower = value.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }
}
