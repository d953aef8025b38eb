package io.synapse.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.benchmarks.baseline.HandBinder;
import io.synapse.benchmarks.plugin.TrainParams;
import io.synapse.benchmarks.plugin.TrainParams_Binder;
import io.synapse.plugins.errors.ValidationError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written baseline does the generated binder's work: same records, same violations, same refusals. */
class HandBinderTest {
  @Test
  void bindsValidParamsToTheSameRecordAsTheGeneratedBinder() {
    TrainParams hand = HandBinder.bind(Fixtures.validTrain());
    assertEquals(TrainParams_Binder.INSTANCE.bind(Fixtures.validTrain()), hand);
    assertEquals(Fixtures.ITEMS, hand.items().size());
  }

  @Test
  void appliesTheSameDefaults() {
    Map<String, Object> params = Fixtures.validTrain();
    params.remove("batch_size");
    params.remove("seed");
    params.remove("shuffle");
    TrainParams hand = HandBinder.bind(params);
    assertEquals(TrainParams_Binder.INSTANCE.bind(params), hand);
    assertEquals(32, hand.batchSize());
    assertTrue(hand.shuffle());
  }

  @Test
  void reportsTheSameFourteenViolationsAtTheSamePaths() {
    HandBinder.Invalid hand = assertThrows(HandBinder.Invalid.class, () -> HandBinder.bind(Fixtures.invalidTrain()));
    ValidationError generated = assertThrows(ValidationError.class, () -> TrainParams_Binder.INSTANCE.bind(Fixtures.invalidTrain()));
    assertEquals(Fixtures.INVALID_VIOLATIONS, hand.violations().size());
    assertEquals(generated.violations().size(), hand.violations().size());
    List<String> handPaths = hand.violations().stream().map(HandBinder.Violation::path).sorted().toList();
    List<String> generatedPaths = generated.violations().stream().map(v -> String.valueOf(v.path())).sorted().toList();
    assertEquals(generatedPaths, handPaths);
  }

  @Test
  void refusesUnknownKeysWrongTypesAndMissingFields() {
    Map<String, Object> unknown = new LinkedHashMap<>(Fixtures.validTrain());
    unknown.put("epoch", 3);
    assertEquals("epoch", assertThrows(HandBinder.Invalid.class, () -> HandBinder.bind(unknown)).violations().get(0).path());
    Map<String, Object> wrongType = new LinkedHashMap<>(Fixtures.validTrain());
    wrongType.put("epochs", "ninety");
    assertEquals("Type", assertThrows(HandBinder.Invalid.class, () -> HandBinder.bind(wrongType)).violations().get(0).constraint());
    Map<String, Object> missing = new LinkedHashMap<>(Fixtures.validTrain());
    missing.remove("optimizer");
    assertEquals("optimizer", assertThrows(HandBinder.Invalid.class, () -> HandBinder.bind(missing)).violations().get(0).path());
  }
}
