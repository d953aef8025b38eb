package io.synapse.plugins.kits.client;

/** What an export reads from: the platform's three export targets. */
public enum ExportTarget {
  /** Assignments ({@code sdk/assignments/}); the filter needs {@code project}. */
  ASSIGNMENT("assignment", "sdk/assignments/", "project"),
  /** Ground-truth events ({@code sdk/ground_truth_events/}); the filter needs {@code ground_truth_dataset_version}. */
  GROUND_TRUTH("ground_truth", "sdk/ground_truth_events/", "ground_truth_dataset_version"),
  /** Tasks ({@code sdk/tasks/}); the filter needs {@code project}. */
  TASK("task", "sdk/tasks/", "project");

  private final String value;
  private final String path;
  private final String requiredFilter;

  ExportTarget(String value, String path, String requiredFilter) {
    this.value = value;
    this.path = path;
    this.requiredFilter = requiredFilter;
  }

  /** The wire value ({@code assignment}, {@code ground_truth}, {@code task}). */
  public String value() {
    return value;
  }

  /** The list endpoint, relative to the backend URL. */
  public String path() {
    return path;
  }

  /** The filter key the platform requires for this target. */
  public String requiredFilter() {
    return requiredFilter;
  }
}
