package io.synapse.plugins.processor.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BinderGeneratorTest {
  @Test
  void aRecordGivesItsBinderBesideItWithTheHeaderReadsChecksAndTheWriter() {
    Artifact artifact = new BinderGenerator().generate(Models.RESIZE_PARAMS);
    assertEquals("com.example.demo.ResizeParams_Binder", artifact.name());
    String source = Models.source(artifact);
    assertTrue(source.contains("@Generated(\"io.synapse.plugins.processor.SynapseProcessor\")"), source);
    assertTrue(source.contains("from = \"com.example.demo.ResizeParams\""), source);
    assertTrue(source.contains("public final class ResizeParams_Binder implements RecordBinder<ResizeParams>, RecordWriter<ResizeParams>"), source);
    assertTrue(source.contains("Readers.fieldNames(\n      new String[] {\"input_path\", \"width\", \"mode\", \"tags\", \"token\"},\n"
        + "      new String[] {\"inputPath\", \"width\", \"mode\", \"tags\", \"token\"})"), source);
    assertTrue(source.contains("String inputPath = Readers.required(fields, \"input_path\", path, violations, Readers.STRING);"), source);
    assertTrue(source.contains("Checks.notBlank(inputPath, path, \"input_path\", violations);"), source);
    assertTrue(source.contains("Integer width = Readers.withDefault(fields, \"width\", \"32\", path, violations, Readers.INT);"), source);
    assertTrue(source.contains("Checks.min(width, 1L, path, \"width\", violations);"), source);
    assertTrue(source.contains("Readers.enumOf(Mode.values(), \"nearest\", \"bi_linear\")"), source);
    assertTrue(source.contains("Writers.put(out, \"mode\", value.mode(), Writers.enumValues(\"nearest\", \"bi_linear\"));"), source);
    assertTrue(source.contains("private static final Object TAGS_DEFAULT = Defaults.json(\"[\\\"a\\\"]\");"), source);
    assertTrue(source.contains("Writers.put(out, \"input_path\", value.inputPath(), Writers.SAME);"), source);
    assertTrue(source.contains("return \"params of ResizeParams\";"), source);
  }

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
