package io.synapse.benchmarks.plugin;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Realistic params: a dozen fields, a nested record, a list of records, several constraints.
 * {@code @Valid} is for the baseline's Hibernate Validator (the generated binder always descends).
 *
 * @param name the run's name
 * @param datasetUri where the data is
 * @param epochs passes over the data
 * @param batchSize items per batch
 * @param learningRate the step size
 * @param seed the random seed
 * @param shuffle whether to shuffle
 * @param mode speed against accuracy
 * @param tags free-form labels
 * @param owner who to tell
 * @param optimizer the optimizer's settings
 * @param items the items to train on
 */
@Params
public record TrainParams(
    @NotBlank @Size(max = 64) String name,
    @NotBlank @Pattern(regexp = "s3://[a-z0-9.-]+/.*") String datasetUri,
    @Min(1) @Max(1000) int epochs,
    @Default("32") @Positive int batchSize,
    @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double learningRate,
    @Default("0") long seed,
    @Default("true") boolean shuffle,
    @NotNull Mode mode,
    @Size(max = 10) List<String> tags,
    @Email String owner,
    @NotNull @Valid Optimizer optimizer,
    @Size(min = 1, max = 100) @Valid List<Item> items) {

  /** Speed against accuracy. */
  public enum Mode { FAST, BALANCED, ACCURATE }

  /**
   * An optimizer's settings.
   *
   * @param kind its name
   * @param momentum its momentum
   * @param weightDecay its weight decay
   */
  public record Optimizer(
      @NotBlank String kind,
      @DecimalMin("0") @DecimalMax("1") double momentum,
      @PositiveOrZero double weightDecay) {}

  /**
   * One item.
   *
   * @param id its id
   * @param weight its weight
   * @param label its label
   */
  public record Item(@NotBlank String id, @Min(0) @Max(100) int weight, @Size(max = 32) String label) {}
}
