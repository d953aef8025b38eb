package io.synapse.plugins.steps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a successful workflow run did.
 *
 * @param results every step's result by step name, in run order (skipped steps included)
 * @param skippedSteps the names of the steps that were skipped, in run order
 */
public record OrchestrationResult(Map<String, StepResult> results, List<String> skippedSteps) {

  /** Copies the parts. */
  public OrchestrationResult {
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    skippedSteps = List.copyOf(skippedSteps);
  }
}
