package io.synapse.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;

/**
 * The baseline for binding: Jackson's {@code convertValue} into the same record, then Hibernate
 * Validator for the same constraints, failing with every violation. One mapper and one validator,
 * built once and shared, as a team would.
 */
public final class ReflectiveBinder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  private ReflectiveBinder() {}

  /**
   * Binds and validates {@code params} into {@code type}.
   *
   * @throws ConstraintViolationException listing every violated constraint
   * @throws IllegalArgumentException when Jackson cannot bind the input
   */
  public static <T> T bind(Object params, Class<T> type) {
    T value = MAPPER.convertValue(params, type);
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(value);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException("Invalid params of " + type.getSimpleName() + " (" + violations.size() + " violations)",
          violations);
    }
    return value;
  }
}
