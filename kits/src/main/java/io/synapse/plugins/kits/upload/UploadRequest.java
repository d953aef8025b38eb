package io.synapse.plugins.kits.upload;

/** What the upload kit reads from an action's params record, which implements this interface ({@link UploadParams} does). */
public interface UploadRequest {
  /** The upload's name. */
  String name();

  /** The storage the files are read from (a {@code file_system} storage). */
  long storage();

  /** The data collection the units join. */
  long dataCollection();

  /** The directory under the storage's location holding one sub-directory per file specification (single-path mode). */
  String path();

  /** Whether {@link #path()} (true) or {@link #assets()} (false) says where the files are. */
  default boolean useSinglePath() {
    return true;
  }

  /** In multi-path mode, each file specification's directory under the storage's location. */
  default java.util.Map<String, AssetPath> assets() {
    return java.util.Map.of();
  }

  /** The platform's metadata file param (Excel or CSV), resolved like {@link #metadataPath()}; null for none. */
  default String excelMetadataPath() {
    return null;
  }

  /** How many files are sent per presigned-upload request. */
  default int uploadBatchSize() {
    return 200;
  }

  /** Whether files go through the batched presigned upload when the backend offers it. */
  default boolean usePresigned() {
    return true;
  }

  /** Whether the specification directories are read recursively. */
  default boolean isRecursive() {
    return true;
  }

  /**
   * A metadata file under the working directory, or null: JSON ({@code {"file name": {...}}}), CSV or Excel
   * ({@code .xlsx}, {@code .xls}) with a header row whose {@code filename} column (else the first) names the file.
   */
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
