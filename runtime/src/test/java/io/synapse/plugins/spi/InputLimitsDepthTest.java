package io.synapse.plugins.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The input-limits pass gives the same answer on either side of the depth where its recursive first
 * pass hands over to the iterative check, and at the depth limit itself.
 */
class InputLimitsDepthTest {
  // `levels` containers nested in each other, alternating objects (key "k") and arrays, around `leaf`.
  private static Object nested(int levels, Object leaf) {
    Object value = leaf;
    for (int i = 0; i < levels; i++) {
      value = i % 2 == 0 ? Map.of("k", value) : List.of(value);
    }
    return value;
  }

  // The path of the leaf inside nested(levels, leaf), spelled out by hand.
  private static String leafPath(int levels) {
    StringBuilder path = new StringBuilder();
    for (int i = levels - 1; i >= 0; i--) {
      if (i % 2 == 0) {
        path.append(path.length() == 0 ? "k" : ".k");
      } else {
        path.append("[0]");
      }
    }
    return path.toString();
  }

  @Test
  void depthsAroundTheQuickPassAndTheLimitAreJudgedAlike() {
    for (int levels : new int[] {1, 31, 32, 33, 64, 65, 127, 128, 129, 130, 500, 999, Readers.MAX_DEPTH}) {
      Violations violations = new Violations();
      assertTrue(InputLimits.withinLimits(nested(levels, "leaf"), violations), levels + " levels");
      assertTrue(violations.isEmpty(), levels + " levels");
    }
    for (int levels : new int[] {Readers.MAX_DEPTH + 1, Readers.MAX_DEPTH + 2, 5_000}) {
      Violations violations = new Violations();
      assertFalse(InputLimits.withinLimits(nested(levels, "leaf"), violations), levels + " levels");
      assertEquals("MaxDepth", violations.list().get(0).constraint(), levels + " levels");
    }
  }

  @Test
  void aTooLongStringIsNamedAtItsExactPathAtAnyDepth() {
    String tooLong = "x".repeat(Readers.MAX_STRING_LENGTH + 1);
    for (int levels : new int[] {1, 32, 33, 127, 128, 129, 300}) {
      Violations violations = new Violations();
      assertFalse(InputLimits.withinLimits(nested(levels, tooLong), violations), levels + " levels");
      assertEquals(List.of(new Violation(leafPath(levels), "is longer than " + Readers.MAX_STRING_LENGTH + " characters",
          "MaxLength")), violations.list(), levels + " levels");
    }
  }
}
