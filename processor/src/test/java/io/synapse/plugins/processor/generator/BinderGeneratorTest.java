package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BinderGeneratorTest {
  @Test
  void onlyBoundsADoubleHoldsExactlyGetTheDoubleCheck() {
    assertEquals(OptionalDouble.of(0.5), BinderGenerator.exactDouble("0.5"));
    assertEquals(OptionalDouble.of(100.25), BinderGenerator.exactDouble("100.25"));
    assertEquals(OptionalDouble.of(-3.0), BinderGenerator.exactDouble("-3"));
    assertEquals(OptionalDouble.of(1e20), BinderGenerator.exactDouble("1e20"));
    assertEquals(OptionalDouble.of(0.0), BinderGenerator.exactDouble("-0"));
    // 0.1 and 2^53 + 1 round; 1e400 overflows; the text is not a number.
    assertEquals(OptionalDouble.empty(), BinderGenerator.exactDouble("0.1"));
    assertEquals(OptionalDouble.empty(), BinderGenerator.exactDouble("9007199254740993"));
    assertEquals(OptionalDouble.empty(), BinderGenerator.exactDouble("1e400"));
    assertEquals(OptionalDouble.empty(), BinderGenerator.exactDouble("one"));
  }
}
