package io.synapse.plugins.kits.train;

import java.util.List;
import java.util.Map;

/**
 * What the train kit reads from an action's params record, which implements this interface: the
 * components it declares override the defaults.
 *
 * <pre>{@code
 * @Params
 * public record MyTrainParams(Long dataset, Long checkpoint, List<Map<String, Object>> hyperparameters,
 *                             @Default("10") @Min(1) int epochs) implements TrainParams {}
 * }</pre>
 */
public interface TrainParams {

  /** The ground-truth dataset version to train on; null trains without a dataset (no data path). */
  Long dataset();

  /** A model to resume from (downloaded and extracted), or null. */
  default Long checkpoint() {
    return null;
  }

  /** Split name ({@code train}, {@code valid}, {@code test}) to extra filters; empty downloads one unsplit dataset. */
  default Map<String, Map<String, Object>> splits() {
    return Map.of();
  }

  /**
   * Hyperparameter sets: the first is the run's; with more than one, each set runs as a trial (on the
   * action's trial executor, e.g. a TASK pool) and the best trial's result is returned.
   */
  default List<Map<String, Object>> hyperparameters() {
    return List.of();
  }

  /** The base of the uploaded model's name (a unique suffix is added), or null for {@code train_<job id>}. */
  default String name() {
    return null;
  }

  /** The uploaded model's description, or null. */
  default String description() {
    return null;
  }
}
