package io.synapse.plugins.errors;

import java.util.Map;

/**
 * A job's result cannot be verified, so it is not believed: the job's log holds no outcome sealed with a
 * key derived from this submitter's secret (the job was not submitted from this user's key file, or its
 * log was forged), or the key file is missing. Nothing the job's metadata or log names is loaded or run.
 * {@code details()} names the job ({@code submission_id}) and the key file ({@code key_file}).
 */
public final class UnverifiedResultError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** The error's code. */
  public static final String CODE = "result_unverified";

  /** An unverifiable result with details. */
  public UnverifiedResultError(String message, Map<String, ?> details) {
    super(CODE, message, details);
  }
}
