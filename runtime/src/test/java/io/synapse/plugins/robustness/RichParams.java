package io.synapse.plugins.robustness;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Params touching every reader and constraint family, as a processor-built plugin would declare them
 * (annotations shown in comments, since the runtime module does not run the processor):
 *
 * <pre>
 * record RichParams(@NotBlank String name, @Default("32") @Min(1) @Max(1024) int batchSize,
 *     @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Optional&lt;Double&gt; learningRate,
 *     @NotNull Mode mode, @Size(min = 1, max = 4) List&lt;Layer&gt; layers, @Size(max = 3) Map&lt;String, Integer&gt; labels,
 *     @Pattern(regexp = "[a-z]{1,8}") String tag, @Email String owner, @Default("false") boolean verbose,
 *     Set&lt;String&gt; tags, @PositiveOrZero Long seed)
 * </pre>
 */
public record RichParams(
    String name,
    int batchSize,
    Optional<Double> learningRate,
    Mode mode,
    List<Layer> layers,
    Map<String, Integer> labels,
    String tag,
    String owner,
    boolean verbose,
    Set<String> tags,
    Long seed) {

  /** A training mode. */
  public enum Mode { TRAIN, EVAL }

  /** A layer's activation. */
  public enum Activation { RELU, TANH, SIGMOID }

  /** A nested record: {@code record Layer(@Positive int size, @Default("relu") Activation activation)}. */
  public record Layer(int size, Activation activation) {}
}
