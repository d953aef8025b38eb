package io.synapse.plugins.kits.upload;

/** What the upload kit reads from an action's params record, which implements this interface ({@link UploadParams} does). */
public interface UploadRequest {
  /** The upload's name. */
  String name();

  /** The storage the files are read from (a {@code file_system} storage). */
  long storage();

  /** The data collection the units join. */
  long dataCollection();

  /** The directory under the storage's location holding one sub-directory per file specification. */
  String path();

  /** Whether the specification directories are read recursively. */
  default boolean isRecursive() {
    return true;
  }

  /** A JSON ({@code {"file name": {...}}}) or CSV ({@code filename,...} header) metadata file under {@link #path()}, or null. */
  default String metadataPath() {
    return null;
  }

  /** The largest file accepted, in MiB. */
  default int maxFileSizeMb() {
    return 50;
  }

  /** How many data units are created per request. */
  default int creatingDataUnitBatchSize() {
    return 200;
  }

  /** How many files are uploaded at once. */
  default int uploadMaxWorkers() {
    return 10;
  }

  /** How many times a file upload is tried again after a failure that left nothing behind. */
  default int uploadMaxRetries() {
    return 2;
  }

  /**
   * The file stems this run is restricted to; empty for all. The kit sets it on the runs it fans out
   * over a TASK pool ({@link BaseUploadAction#shardExecutor()}).
   */
  default java.util.List<String> shard() {
    return java.util.List.of();
  }

  /** The data group the units join, or null. */
  default String groupName() {
    return null;
  }
}
