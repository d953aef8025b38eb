package io.synapse.plugins.kits.dataset;

/** What a {@link DatasetAction} does. */
public enum DatasetOperation {
  /** Download a ground-truth dataset version into the DM v2 layout. */
  DOWNLOAD,
  /** Convert a dataset directory to another format. */
  CONVERT
}
