package io.synapse.plugins.kits.internal;

import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules between a kit's params that a record's constraints cannot say ({@code dataset} is
 * required for a download), collected and raised as one {@link ValidationError} before any step
 * runs. Paths use the platform's wire names.
 */
public final class ParamChecks {
  private final String subject;
  private final List<Violation> violations = new ArrayList<>();

  private ParamChecks(String subject) {
    this.subject = subject;
  }

  /** Checks of the params of action {@code action}. */
  public static ParamChecks of(String action) {
    return new ParamChecks("params of action '" + action + "'");
  }

  /** Records a violation at {@code path} unless {@code ok}. */
  public ParamChecks require(boolean ok, String path, String message, String constraint) {
    if (!ok) {
      violations.add(new Violation(path, message, constraint));
    }
    return this;
  }

  /** Raises every violation recorded, if any. */
  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new ValidationError(subject, List.copyOf(violations));
    }
  }
}
