package io.synapse.plugins.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synapse.plugins.errors.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys by wire name or Java name, and enum wire values, as generated binders use them. */
class WireNamesTest {
  private static final List<String> NAMES = Readers.fieldNames(
      new String[] {"input_path", "batch_size", "verbose"},
      new String[] {"inputPath", "batchSize", "verbose"});

  enum Mode { NEURAL_NET, FAST, NEAREST_NEIGHBOUR }

  private static final ValueReader<Mode> MODE = Readers.enumOf(Mode.values(), "neural_net", "fast", "nn");

  private static Map<?, ?> object(Map<?, ?> input, Violations violations) {
    return Readers.object(input, ValuePath.of("p"), NAMES, violations);
  }

  @Test
  void wireNamesPassThroughUntouched() {
    Map<String, Object> input = Map.of("input_path", "/x", "batch_size", 2);
    Violations violations = new Violations();
    assertSame(input, object(input, violations));
    assertEquals(0, violations.count());
    assertEquals(List.of("input_path", "batch_size", "verbose"), NAMES);
  }

  @Test
  void javaNamesAreTranslatedToWireNamesKeepingOrder() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("verbose", true);
    input.put("inputPath", "/x");
    input.put("batch_size", 2);
    Violations violations = new Violations();
    Map<?, ?> resolved = object(input, violations);
    assertEquals(0, violations.count());
    assertEquals(List.of("verbose", "input_path", "batch_size"), List.copyOf(resolved.keySet()));
    assertEquals("/x", resolved.get("input_path"));
    assertEquals(List.of("verbose", "inputPath", "batch_size"), List.copyOf(input.keySet()), "the input is not changed");
  }

  @Test
  void bothSpellingsOfOneComponentAreAViolation() {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("batch_size", 1);
    input.put("batchSize", 2);
    input.put("inputPath", "/x");
    Violations violations = new Violations();
    object(input, violations);
    assertEquals(List.of(new Violation("p.batch_size", "is given twice, as 'batch_size' and as 'batchSize'", "DuplicateField")),
        violations.list());
  }

  @Test
  void otherSpellingsAreUnknownWithTheWireNameSuggested() {
    for (String key : List.of("InputPath", "input-path", "INPUT_PATH", "inputpath", "input_Path", "inputPth")) {
      Violations violations = new Violations();
      object(Map.of(key, "/x"), violations);
      assertEquals(List.of(new Violation("p." + key, "is not a known field; did you mean 'input_path'?", "UnknownField")),
          violations.list(), key);
    }
    Violations violations = new Violations();
    object(Map.of("zzz", 1), violations);
    assertEquals("is not a known field (known: input_path, batch_size, verbose)", violations.list().get(0).message());
  }

  @Test
  void aJavaNameThatIsAnotherComponentsWireNameIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Readers.fieldNames(new String[] {"a_b", "x"}, new String[] {"aB", "a_b"}));
    assertThrows(IllegalArgumentException.class, () -> Readers.fieldNames(new String[] {"a"}, new String[] {"a", "b"}));
  }

  @Test
  void enumsReadWireValuesAndConstantNamesInAnyCase() {
    Violations violations = new Violations();
    assertEquals(Mode.NEURAL_NET, MODE.read("neural_net", "m", violations));
    assertEquals(Mode.NEURAL_NET, MODE.read("NEURAL_NET", "m", violations));
    assertEquals(Mode.NEURAL_NET, MODE.read(" Neural_Net ", "m", violations));
    assertEquals(Mode.NEAREST_NEIGHBOUR, MODE.read("nn", "m", violations));
    assertEquals(Mode.NEAREST_NEIGHBOUR, MODE.read("nearest_neighbour", "m", violations));
    assertEquals(0, violations.count());
    assertEquals(null, MODE.read("NN", "m", violations), "a wire value is matched exactly");
    assertEquals(null, MODE.read("neural-net", "m", violations));
    assertEquals(List.of("must be one of neural_net, fast, nn", "must be one of neural_net, fast, nn"),
        violations.list().stream().map(Violation::message).toList());
    assertThrows(IllegalArgumentException.class, () -> Readers.enumOf(Mode.values(), "a"));
  }

  @Test
  void enumsWriteTheirWireValues() {
    ValueWriter<Enum<?>> writer = Writers.enumValues("neural_net", "fast", "nn");
    assertEquals("nn", writer.write(Mode.NEAREST_NEIGHBOUR));
    assertEquals("neural_net", writer.write(Mode.NEURAL_NET));
    assertEquals(null, writer.write(null));
    assertEquals("NEURAL_NET", Writers.ENUM.write(Mode.NEURAL_NET));
  }

  @Test
  void sizesCountCharactersNotUtf16Units() {
    String twoEmoji = "\uD83D\uDE00\uD83D\uDE00";
    Violations violations = new Violations();
    Checks.size(twoEmoji, 2, 2, ValuePath.ROOT, "s", violations);
    Checks.size(twoEmoji, 0, 1, ValuePath.ROOT, "t", violations);
    Checks.size(twoEmoji, 3, 10, ValuePath.ROOT, "u", violations);
    Checks.size("abcd", 2, 4, ValuePath.ROOT, "v", violations);
    Checks.size("abcde", 2, 4, ValuePath.ROOT, "w", violations);
    assertEquals(List.of("t", "u", "w"), violations.list().stream().map(Violation::path).toList());
  }
}
