package io.synapse.plugins.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.names.TypoTable;
import io.synapse.plugins.processor.model.DefaultValue;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.JavaName;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.model.ScalarKind;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.ValuePath;
import io.synapse.plugins.spi.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The same typo gets the same suggestion at compile time and at run time: every row of the one table of
 * typos ({@link TypoTable}, in the names module's test jar) through the processor's {@code @Default} check (an unknown key of a
 * record default, an unknown enum value) and through the runtime's binding (an unknown params key).
 */
class SuggestionAgreementTest {
  private static final Pattern SUGGESTION = Pattern.compile("did you mean '([^']*)'\\?");

  private static Optional<String> suggestionIn(String message) {
    Matcher matcher = SUGGESTION.matcher(message);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The processor: a record default {@code {"<typo>": 1}} for a record whose components are the candidates. */
  private static Optional<String> compileTimeKey(TypoTable.Typo typo) {
    List<ParamField> fields = typo.candidates().stream()
        .map(name -> new ParamField(null, name, name, new FieldType.Scalar(ScalarKind.INT, false), List.of(), Optional.empty(), false, ""))
        .toList();
    JavaName name = JavaName.of("t", "Holder");
    FieldType.RecordType type = new FieldType.RecordType("t.Holder", name, GeneratedNames.binder(name));
    RecordModel record = new RecordModel(null, type, fields, true, "", false);
    String text = "{\"" + typo.wanted().replace("\\", "\\\\").replace("\"", "\\\"") + "\": 1}";
    ParamField component = new ParamField(null, "holder", "holder", type, List.of(),
        Optional.of(new DefaultValue(text, null, null)), false, "");
    DefaultChecker.Problem problem = new DefaultChecker(Map.of(type.qualifiedName(), record)).check(component);
    assertNotNull(problem, "an unknown key is refused: " + typo);
    assertTrue(problem.message().startsWith("unknown field '"), problem.message());
    return suggestionIn(problem.message());
  }

  /** The processor: an enum default {@code <typo>} for an enum whose wire values are the candidates. */
  private static Optional<String> compileTimeEnum(TypoTable.Typo typo) {
    List<String> constants = typo.candidates().stream().map(c -> "C" + c.hashCode()).toList();
    FieldType.EnumType type = new FieldType.EnumType(JavaName.of("t", "Choice"), constants, typo.candidates());
    ParamField component = new ParamField(null, "choice", "choice", type, List.of(),
        Optional.of(new DefaultValue(typo.wanted(), null, null)), false, "");
    DefaultChecker.Problem problem = new DefaultChecker(Map.of()).check(component);
    assertNotNull(problem, "an unknown value is refused: " + typo);
    return suggestionIn(problem.message());
  }

  /** The runtime: params {@code {"<typo>": 1}} bound by a record whose components are the candidates. */
  private static Optional<String> runTime(TypoTable.Typo typo) {
    Violations violations = new Violations();
    Readers.object(Map.of(typo.wanted(), 1), ValuePath.ROOT, Readers.fieldNames(typo.candidates().toArray(new String[0])), violations);
    ValidationError error = null;
    try {
      violations.throwIfAny("params");
    } catch (ValidationError e) {
      error = e;
    }
    assertNotNull(error, "an unknown key is refused: " + typo);
    assertEquals("UnknownField", error.violations().get(0).constraint());
    return suggestionIn(error.violations().get(0).message());
  }

  @Test
  void everyTypoGetsTheTablesSuggestionFromTheProcessorAndFromTheRuntime() {
    List<TypoTable.Typo> table = TypoTable.rows();
    assertTrue(table.size() >= 35, "rows: " + table.size());
    List<String> wrong = new ArrayList<>();
    for (TypoTable.Typo typo : table) {
      Optional<String> compileKey = compileTimeKey(typo);
      Optional<String> compileEnum = compileTimeEnum(typo);
      Optional<String> run = runTime(typo);
      if (!compileKey.equals(typo.suggestion()) || !compileEnum.equals(typo.suggestion()) || !run.equals(typo.suggestion())) {
        wrong.add(typo.wanted() + " among " + typo.candidates() + ": table " + typo.suggestion() + ", @Default key " + compileKey
            + ", @Default enum " + compileEnum + ", params key " + run);
      }
    }
    assertEquals(List.of(), wrong);
  }
}
