package io.synapse.benchmarks.baseline;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;

/**
 * The baseline for binding: Jackson's {@code convertValue} into the same record, then Hibernate
 * Validator for the same constraints, failing with every violation. One mapper and one validator,
 * built once and shared, as a team would; the mapper reads the platform's snake_case keys and enum
 * values as a team would set it up to ({@code SNAKE_CASE} naming, case-insensitive enums).
 */
public final class ReflectiveBinder {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();
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
