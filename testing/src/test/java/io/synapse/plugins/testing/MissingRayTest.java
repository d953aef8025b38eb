package io.synapse.plugins.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.executors.ray.RayInstallation;
import io.synapse.plugins.testing.ray.RayHead;
import io.synapse.plugins.testing.ray.WithRayHead;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Without Ray, tests on the extension fail with the reason; none is skipped. */
class MissingRayTest {

  @Test
  void testsFailNamingWhereRayWasLookedFor(@TempDir Path emptyVenv) {
    String before = System.getProperty(RayInstallation.VENV_PROPERTY);
    System.setProperty(RayInstallation.VENV_PROPERTY, emptyVenv.toString());
    try {
      Events events = EngineTestKit.engine("junit-jupiter")
          .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
          .selectors(selectClass(NeedsRay.class)).execute().allEvents();
      assertEquals(0, events.skipped().count(), "nothing is skipped");
      assertEquals(1, events.failed().count(), "the class fails");
      Throwable reason = events.failed().stream().findFirst().orElseThrow()
          .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
      assertTrue(reason instanceof ConfigError, reason.toString());
      assertTrue(reason.getMessage().startsWith("Ray is not installed: looked in -Dsynapse.ray.venv=" + emptyVenv), reason.getMessage());
      assertTrue(reason.getMessage().contains("pip install 'ray[default]==2.39.0'"), reason.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(RayInstallation.VENV_PROPERTY);
      } else {
        System.setProperty(RayInstallation.VENV_PROPERTY, before);
      }
    }
  }

  /** Run by the engine above, not by Surefire (it is a nested class without a Test suffix). */
  @WithRayHead(driver = false)
  static class NeedsRay {
    @Test
    void usesTheHead(RayHead head) {
      throw new AssertionError("must not run without Ray: " + head);
    }
  }
}
