package io.synapse.plugins.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationErrorTest {
  private static final List<Violation> VIOLATIONS = List.of(
      new Violation("epochs", "must be greater than or equal to 1", "Min"),
      new Violation("", "is required", "Required"));

  @Test
  void messageAndDetailsListEveryViolation() {
    ValidationError error = new ValidationError("params of action 'train'", VIOLATIONS);
    assertEquals("Invalid params of action 'train' (2 violations):\n"
        + "  - epochs: must be greater than or equal to 1\n  - (input): is required", error.getMessage());
    assertEquals("validation_error", error.code());
    assertEquals("params of action 'train'", error.details().get("subject"));
    assertEquals(List.of(Map.of("path", "epochs", "message", "must be greater than or equal to 1", "constraint", "Min"),
        Map.of("path", "", "message", "is required", "constraint", "Required")), error.details().get("violations"));
    assertThrows(UnsupportedOperationException.class, () -> error.details().put("x", 1));
    assertEquals(error.getMessage().replace("'train'", "'fit'"), error.withSubject("params of action 'fit'").getMessage());
  }

  @Test
  void carriesNoStackTraceUnlessAskedFor() {
    // -Dsynapse.validation.stackTraces=true is not set for the tests.
    assertEquals(0, new ValidationError("params", VIOLATIONS).getStackTrace().length);
    assertThrows(IllegalArgumentException.class, () -> new ValidationError("params", List.of()));
    ValidationError.recordStackTraces(true);
    try {
      ValidationError traced = new ValidationError("params", VIOLATIONS);
      assertEquals(getClass().getName(), traced.getStackTrace()[0].getClassName());
    } finally {
      ValidationError.recordStackTraces(false);
    }
  }

  @Test
  void survivesSerialisationWithItsMessage() throws Exception {
    ValidationError error = new ValidationError("params of action 'train'", VIOLATIONS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(error);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ValidationError read = (ValidationError) in.readObject();
      assertEquals(error.getMessage(), read.getMessage());
      assertEquals(error.violations(), read.violations());
      assertEquals(error.details(), read.details());
    }
  }
}
