package io.synapse.plugins.opentelemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * Which {@link OpenTelemetry} the Synapse instrumentation reports to, and how. By default it is
 * {@link GlobalOpenTelemetry} (the OpenTelemetry Java agent's, or one autoconfigured from {@code OTEL_*} variables
 * when {@code OTEL_JAVA_GLOBAL_AUTOCONFIGURE_ENABLED=true}, as on Ray workers); {@link #install} sets another, such
 * as an application's own SDK. Nothing here needs calling for the instrumentation to work: with this module on the
 * class path, {@link OpenTelemetryRunObserver} observes every run.
 */
public final class SynapseTelemetry {
  /** The instrumentation scope name of the tracer. */
  public static final String INSTRUMENTATION_NAME = "io.synapse.plugins";

  private static volatile Settings settings = new Settings(null, false);

  private SynapseTelemetry() {}

  /**
   * What the instrumentation uses.
   *
   * @param openTelemetry the OpenTelemetry to report to; null means {@link GlobalOpenTelemetry}
   * @param recordParams whether run spans carry the params as {@code synapse.param.<name>} attributes: only
   *     top-level strings, numbers and booleans, never a {@code @Secret} value nor a param whose name looks secret
   *     (KEY, SECRET, TOKEN, PASSWORD, CREDENTIAL); off by default
   */
  public record Settings(OpenTelemetry openTelemetry, boolean recordParams) {
    /** These settings recording params or not. */
    public Settings withRecordParams(boolean record) {
      return new Settings(openTelemetry, record);
    }
  }

  /** Reports to {@code openTelemetry} from now on, recording no params. */
  public static void install(OpenTelemetry openTelemetry) {
    install(new Settings(Objects.requireNonNull(openTelemetry, "openTelemetry"), false));
  }

  /** Uses {@code newSettings} from now on. */
  public static void install(Settings newSettings) {
    settings = Objects.requireNonNull(newSettings, "settings");
  }

  /** Back to the defaults: {@link GlobalOpenTelemetry}, no params. */
  public static void reset() {
    settings = new Settings(null, false);
  }

  /** The settings in use. */
  public static Settings settings() {
    return settings;
  }

  /** The OpenTelemetry in use. */
  static OpenTelemetry openTelemetry() {
    OpenTelemetry given = settings.openTelemetry();
    return given != null ? given : GlobalOpenTelemetry.get();
  }
}
