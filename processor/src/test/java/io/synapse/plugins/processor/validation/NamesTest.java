package io.synapse.plugins.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synapse.plugins.WireNames;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The snake_case rule of wire names, and that the processor's copy agrees with the runtime's. */
class NamesTest {

  @Test
  void snakeCaseOfTypicalJavaNames() {
    Map<String, String> expected = Map.ofEntries(
        Map.entry("inputPath", "input_path"),
        Map.entry("learningRate", "learning_rate"),
        Map.entry("itemsProcessed", "items_processed"),
        Map.entry("HTTPServer", "http_server"),
        Map.entry("userID", "user_id"),
        Map.entry("md5Sum", "md5_sum"),
        Map.entry("x2Y", "x2_y"),
        Map.entry("NEURAL_NET", "neural_net"),
        Map.entry("BILINEAR", "bilinear"),
        Map.entry("already_snake", "already_snake"),
        Map.entry("URL", "url"),
        Map.entry("a", "a"),
        Map.entry("_private", "_private"),
        Map.entry("LANCZOS_3", "lanczos_3"));
    expected.forEach((java, wire) -> assertEquals(wire, Names.snakeCase(java), java));
  }

  @Test
  void theProcessorAndTheRuntimeApplyTheSameRule() {
    Random random = new Random(13);
    String alphabet = "aAbBzZ09_$éÉ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int n = 1 + random.nextInt(12); n > 0; n--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(WireNames.snakeCase(name.toString()), Names.snakeCase(name.toString()), name.toString());
    }
    for (String name : List.of("inputPath", "HTTPServer", "userID", "NEURAL_NET")) {
      assertEquals(WireNames.snakeCase(name), Names.snakeCase(name));
    }
  }

  @Test
  void codeSuggestionsKeepTheirSeparator() {
    assertEquals("train-model", Names.suggestCode("TrainModel", '-'));
    assertEquals("train_model", Names.suggestCode("TrainModel", '_'));
    assertEquals("train-model", Names.suggestCode("Train Model", '-'));
  }
}
