package io.synapse.plugins.testing.ray;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.executors.ray.RayInstallation;
import io.synapse.plugins.executors.ray.RayTaskBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WithRayHead}: starts one {@link LocalRayHead} per test run (kept in
 * the root context's store, so every test class of the run shares it), injects its {@link RayHead}, and,
 * when the run ends, closes the warm TASK pools of this JVM and then stops exactly the head it started.
 *
 * <p>When Ray is not installed, or a driver test lacks Ray's jar on its class path, every test of the
 * class fails with the reason; nothing is skipped. To use a cluster that is already running instead, set
 * {@value #ADDRESS_PROPERTY} (and {@value #DASHBOARD_PROPERTY}); it is used as it is and never stopped.
 */
public final class RayHeadExtension implements BeforeAllCallback, ParameterResolver {
  /** System property: the GCS address of a running cluster to use instead of a head of our own. */
  public static final String ADDRESS_PROPERTY = "synapse.test.rayAddress";
  /** System property: the dashboard URL of that cluster (default {@code http://127.0.0.1:8265}). */
  public static final String DASHBOARD_PROPERTY = "synapse.test.rayDashboard";
  private static final String DRIVER_CLASS = "io/ray/runtime/RayNativeRuntime.class";

  /** For {@link org.junit.jupiter.api.extension.ExtendWith}. */
  public RayHeadExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean driver = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithRayHead.class)
        .map(WithRayHead::driver).orElse(true);
    if (driver) {
      requireDriverJar();
    }
    head(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RayHead.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return head(context);
  }

  private static RayHead head(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(RayHeadExtension.class))
        .getOrComputeIfAbsent(Started.class, key -> Started.start(), Started.class).info;
  }

  private static void requireDriverJar() {
    if (RayHeadExtension.class.getClassLoader().getResource(DRIVER_CLASS) != null) {
      return;
    }
    List<String> searched = new ArrayList<>();
    String jar = RayInstallation.lookUp(System::getenv, System::getProperty, searched)
        .map(ray -> ray.rayJar().toString()).orElse("ray_dist.jar (" + String.join("; ", searched) + ")");
    throw new ConfigError("Ray's Java runtime is not on the test class path, so this JVM cannot drive TASK runs: add"
        + " the synapse-maven-plugin's prepare-tests goal to the build (it adds the jar and the JVM flags), or put "
        + jar + " on Surefire's additionalClasspathElements; tests that only submit Ray Jobs can say"
        + " @WithRayHead(driver = false)", Map.of("jar", jar));
  }

  /** The head of this run, closed with the root store at the end of the run. */
  @SuppressWarnings("deprecation") // CloseableResource: closed by every JUnit 5 version, unlike AutoCloseable values
  private static final class Started implements ExtensionContext.Store.CloseableResource {
    final RayHead info;
    final LocalRayHead head;

    private Started(RayHead info, LocalRayHead head) {
      this.info = info;
      this.head = head;
    }

    static Started start() {
      Optional<String> external = Optional.ofNullable(System.getProperty(ADDRESS_PROPERTY)).filter(a -> !a.isBlank());
      if (external.isPresent()) {
        return new Started(new RayHead(external.get(), System.getProperty(DASHBOARD_PROPERTY, "http://127.0.0.1:8265"), 0), null);
      }
      LocalRayHead head = LocalRayHead.start(LocalRayHead.Settings.defaults());
      return new Started(head.info(), head);
    }

    @Override
    public void close() {
      try {
        // Drivers first: pools connected to the head end before the head does.
        RayTaskBackend.shutdownAll();
      } finally {
        if (head != null) {
          head.close();
        }
      }
    }
  }
}
