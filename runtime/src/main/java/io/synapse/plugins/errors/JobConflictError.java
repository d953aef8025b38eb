package io.synapse.plugins.errors;

import java.util.Map;

/**
 * A job was submitted with the id of an existing job whose request differs (another action, other params,
 * environment or working directory, or a job this submitter did not make): submitting again with the same
 * id and the same request returns the existing job instead. {@code details()} names the id
 * ({@code job_id}).
 */
public final class JobConflictError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** The error's code. */
  public static final String CODE = "job_id_conflict";

  /** A conflict over job id {@code jobId}. */
  public JobConflictError(String jobId, String message, Map<String, ?> details) {
    super(CODE, message, withJobId(jobId, details));
  }

  private static Map<String, Object> withJobId(String jobId, Map<String, ?> details) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(details);
    all.put("job_id", jobId);
    return all;
  }
}
