package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Params of every kind the binder reads, for the differential binding tests (LOCAL, a TASK worker and a
 * JOB entrypoint must bind the same input to the same record or the same violations).
 *
 * @param count an int in a range
 * @param total a long
 * @param ratio a double
 * @param scale a float
 * @param price an exact decimal
 * @param enabled a boolean
 * @param name a required, patterned string
 * @param mail an email address
 * @param color an enum
 * @param sizes a short list of ints
 * @param tags a set of strings
 * @param weights a map of doubles
 * @param layer a nested record
 * @param note an optional string
 * @param timeout a duration
 * @param at an instant
 * @param day a date
 * @param input a path
 * @param link a URI
 */
@Params
public record BindProbeParams(
    @Default("1") @Min(0) @Max(1000) int count,
    @Default("0") long total,
    @Default("0.5") double ratio,
    @Default("1.0") float scale,
    @DecimalMin("0.00") BigDecimal price,
    @Default("false") boolean enabled,
    @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9_]*") String name,
    @Email String mail,
    Color color,
    @Size(max = 3) List<Integer> sizes,
    @Size(max = 4) Set<String> tags,
    Map<String, Double> weights,
    Layer layer,
    Optional<String> note,
    Duration timeout,
    Instant at,
    LocalDate day,
    Path input,
    URI link) {

  /** Colours. */
  public enum Color { RED, DARK_BLUE }

  /**
   * A nested record.
   *
   * @param size a positive size
   * @param label a non-empty label
   */
  public record Layer(@Positive int size, @NotEmpty String label) {}
}
