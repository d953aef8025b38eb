package io.synapse.plugins.kits.client;

/** The record kinds of a local backend tree: one directory each under the root. */
final class LocalKinds {
  static final String GT_VERSIONS = "ground_truth_dataset_versions";
  static final String GT_EVENTS = "ground_truth_events";
  static final String MODELS = "models";
  static final String STORAGES = "storages";
  static final String PROJECTS = "projects";
  static final String COLLECTIONS = "data_collections";
  static final String DATA_FILES = "data_files";
  static final String DATA_UNITS = "data_units";
  static final String TASKS = "tasks";
  static final String ASSIGNMENTS = "assignments";
  static final String JOBS = "jobs";
  static final String RELEASES = "plugin_releases";
  static final String PLUGIN_RUNS = "plugin_runs";

  private LocalKinds() {}
}
