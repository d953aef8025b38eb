package io.synapse.plugins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ConfigError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepRegistryTest {
  private final List<String> journal = new ArrayList<>();
  private final StepRegistry<StepContext> registry = new StepRegistry<>();

  @Test
  void keepsRegistrationOrderAndInsertsRelativeToExistingSteps() {
    registry.register(ScriptedStep.ok("load", journal)).register(ScriptedStep.ok("upload", journal));
    registry.insertBefore("upload", ScriptedStep.ok("convert", journal));
    registry.insertAfter("upload", ScriptedStep.ok("notify", journal));
    registry.insertBefore("load", ScriptedStep.ok("validate", journal));
    assertEquals(List.of("validate", "load", "convert", "upload", "notify"), registry.names());
    assertEquals(5, registry.size());
  }

  @Test
  void unregisterRemovesByName() {
    registry.register(ScriptedStep.ok("a", journal)).register(ScriptedStep.ok("b", journal));
    assertTrue(registry.unregister("a"));
    assertFalse(registry.unregister("a"));
    assertFalse(registry.contains("a"));
    assertEquals(List.of("b"), registry.names());
  }

  @Test
  void aDuplicateNameIsAConfigErrorNamingBothSteps() {
    registry.register(ScriptedStep.ok("load", journal));
    Step<StepContext> other = new Step<>() {
      @Override public String name() { return "load"; }
      @Override public StepResult execute(StepContext context) { return StepResult.ok(); }
    };
    ConfigError error = assertThrows(ConfigError.class, () -> registry.register(other));
    assertTrue(error.getMessage().contains("Duplicate step name 'load'"), error.getMessage());
    assertTrue(error.getMessage().contains(ScriptedStep.class.getName()), error.getMessage());
    assertTrue(error.getMessage().contains(other.getClass().getName()), error.getMessage());
    assertEquals("load", error.details().get("step"));
    assertEquals(ScriptedStep.class.getName(), error.details().get("registered_class"));
    assertEquals(other.getClass().getName(), error.details().get("new_class"));
    assertThrows(ConfigError.class, () -> registry.insertAfter("load", ScriptedStep.ok("load", journal)));
    assertEquals(List.of("load"), registry.names(), "a rejected step leaves the registry unchanged");
  }

  @Test
  void insertingNextToAnUnknownStepSuggestsTheClosestName() {
    registry.register(ScriptedStep.ok("convert", journal));
    ConfigError error = assertThrows(ConfigError.class, () -> registry.insertBefore("convrt", ScriptedStep.ok("x", journal)));
    assertEquals("convert", error.details().get("suggestion"));
    assertEquals(List.of("convert"), error.details().get("available"));
  }

  @Test
  void weightsMustBePositiveAndFiniteAndNamesNonBlank() {
    assertThrows(ConfigError.class, () -> registry.register(ScriptedStep.ok("a", journal).weight(0)));
    assertThrows(ConfigError.class, () -> registry.register(ScriptedStep.ok("a", journal).weight(-1)));
    assertThrows(ConfigError.class, () -> registry.register(ScriptedStep.ok("a", journal).weight(Double.NaN)));
    assertThrows(ConfigError.class, () -> registry.register(ScriptedStep.ok("a", journal).weight(Double.POSITIVE_INFINITY)));
    assertThrows(ConfigError.class, () -> registry.register(ScriptedStep.ok(" ", journal)));
    assertEquals(0, registry.size());
  }
}
