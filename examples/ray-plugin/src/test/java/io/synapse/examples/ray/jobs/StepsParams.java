package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import io.synapse.plugins.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * Parameters of the steps action.
 *
 * @param steps how many steps to report
 * @param stepMillis how long each step takes
 * @param token a secret the action logs and, when failing, puts in its exception message
 * @param fail whether to throw after the steps
 * @param payload text whose total length the action returns (for large params)
 */
@Params
public record StepsParams(@Min(1) @Max(100000) int steps, @Default("0") @PositiveOrZero long stepMillis,
    @Secret @Default("") String token, @Default("false") boolean fail, @Default("[]") List<String> payload) {

  @Override
  public String toString() {
    return "StepsParams[steps=" + steps + ", stepMillis=" + stepMillis + ", fail=" + fail + "]";
  }
}
