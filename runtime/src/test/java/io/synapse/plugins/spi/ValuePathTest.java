package io.synapse.plugins.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.synapse.plugins.errors.Violation;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A {@link ValuePath} spells out exactly the path that building it step by step with the string
 * helpers of {@link Violations} gives, for every kind of step and key.
 */
class ValuePathTest {
  private static final List<String> KEYS = List.of(
      "name", "input_path", "a-b", "x1", "", "a b", "a.b", "q\"uote", "back\\slash", "[0]", "ünï", "日本", "\u0000", "+");

  @Test
  void spellsWhatTheStringHelpersBuildForRandomChains() {
    Random random = new Random(21);
    for (int chain = 0; chain < 2000; chain++) {
      String prefix = random.nextInt(4) == 0 ? "outer[1]" : "";
      ValuePath path = ValuePath.of(prefix);
      String expected = prefix;
      int length = random.nextInt(12);
      for (int step = 0; step < length; step++) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        switch (random.nextInt(3)) {
          case 0 -> {
            path = path.field(key);
            expected = Violations.field(expected, key);
          }
          case 1 -> {
            int index = random.nextInt(3) == 0 ? 300 + random.nextInt(10_000) : random.nextInt(10);
            path = path.index(index);
            expected = Violations.index(expected, index);
          }
          default -> {
            path = path.key(key);
            expected = Violations.key(expected, key);
          }
        }
      }
      assertEquals(expected, path.toString(), "chain " + chain);
    }
  }

  @Test
  void spellsAPathAsDeepAsTheInputLimitWithoutRecursion() {
    ValuePath path = ValuePath.ROOT;
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < Readers.MAX_DEPTH; i++) {
      path = i % 2 == 0 ? path.field("next") : path.index(i);
      expected.append(i % 2 == 0 ? (i == 0 ? "next" : ".next") : "[" + i + "]");
    }
    assertEquals(expected.toString(), path.toString());
  }

  @Test
  void aParentSpelledFirstGivesTheSameChildPath() {
    ValuePath parent = ValuePath.ROOT.field("layers").index(2);
    assertEquals("layers[2]", parent.toString());
    assertEquals("layers[2].name", parent.field("name").toString());
    assertEquals("layers[2][\"a b\"]", parent.key("a b").toString());
    assertSame(ValuePath.ROOT, ValuePath.of(""));
    assertEquals("", ValuePath.ROOT.toString());
  }

  @Test
  void violationsAtAValuePathCarryItsSpelling() {
    Violations violations = new Violations();
    violations.add(ValuePath.ROOT.field("items").index(3).key("x.y"), "must not be null", "NotNull");
    assertEquals(List.of(new Violation("items[3][\"x.y\"]", "must not be null", "NotNull")), violations.list());
  }
}
