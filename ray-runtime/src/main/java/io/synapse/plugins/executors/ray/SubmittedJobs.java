package io.synapse.plugins.executors.ray;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** What one {@link RayJobExecutor} remembers of its own submissions: how to read each result, what to hide. */
final class SubmittedJobs {
  /**
   * One submission: its action (to read the result), the marker framing the outcome, the key its outcome is
   * sealed with, and its secrets.
   */
  record Submission(ActionDescriptor<?, ?> action, String marker, byte[] resultKey, Redactor redactor) {}

  private final ConcurrentMap<String, Submission> submissions = new ConcurrentHashMap<>();

  void remember(String submissionId, Submission submission) {
    submissions.put(submissionId, submission);
  }

  void forget(String submissionId) {
    submissions.remove(submissionId);
  }

  /** The submission, or null for a job this executor did not submit. */
  Submission get(String submissionId) {
    return submissions.get(submissionId);
  }

  /** What hides the submission's secrets: none for a job this executor did not submit. */
  Redactor redactorOf(String submissionId) {
    Submission known = submissions.get(submissionId);
    return known == null ? Redactor.none() : known.redactor();
  }
}
