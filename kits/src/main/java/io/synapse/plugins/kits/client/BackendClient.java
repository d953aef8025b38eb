package io.synapse.plugins.kits.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the kits need from the Synapse platform. Every method raises {@link BackendError} on failure
 * (HTTP status and body excerpt included where there was a response). Implementations are
 * thread-safe.
 *
 * <p>Lists are read page by page and handed to {@code each} in the platform's order, so an export of a
 * large project never holds every item. Files are referred to by {@link FileRef#url()} and fetched
 * with {@link #download}.
 */
public interface BackendClient {

  /** Where this client points (the backend URL, or {@code local:<directory>}); never a secret. */
  String describe();

  // ---- datasets -----------------------------------------------------------------------------------

  /** A ground-truth dataset version ({@code ground_truth_dataset_versions/{id}/}). */
  GroundTruthVersion getGroundTruthVersion(long versionId);

  /**
   * Hands each ground-truth event of a dataset version to {@code each} ({@code sdk/ground_truth_events/}
   * with {@code ground_truth_dataset_versions}, {@code expand=data}).
   *
   * @param filters further filters ({@code category}, ...); empty for none
   * @return how many events the platform counted
   */
  long listGroundTruthEvents(long versionId, Map<String, String> filters, Consumer<GroundTruthEvent> each);

  /**
   * Copies the bytes at {@code url} (a {@link FileRef#url()} or a model's file) to {@code target}. The
   * token is sent only to the backend's own origin; presigned URLs elsewhere get no credentials.
   *
   * @return {@code target}
   */
  Path download(String url, Path target);

  // ---- models --------------------------------------------------------------------------------------

  /** Registers a model with its archive ({@code chunked_upload/} then {@code models/}). */
  ModelRecord createModel(ModelCreate model, Path archive);

  /** A model ({@code models/{id}/}). */
  ModelRecord getModel(long modelId);

  /** Deletes a model ({@code v2/models/{id}/}); used to roll back a model upload. */
  void deleteModel(long modelId);

  // ---- storages, projects, collections ------------------------------------------------------------

  /** A storage with its configuration ({@code storages/{id}/?with_configuration=true}). */
  StorageRecord getStorage(long storageId);

  /** A project ({@code projects/{id}/}). */
  Project getProject(long projectId);

  /** A data collection with its file specifications ({@code data_collections/{id}/?expand=file_specifications}). */
  DataCollection getDataCollection(long collectionId);

  // ---- files and data units -----------------------------------------------------------------------

  /** Uploads a file ({@code data_files/}). */
  DataFile createDataFile(Path file);

  /**
   * Deletes an uploaded file where the backend can: the local backend does, the platform has no such
   * endpoint (its files are kept and only their data units are removed).
   *
   * @return whether the file was deleted
   */
  boolean deleteDataFile(long fileId);

  /**
   * Asks for presigned upload targets for a batch of files ({@code POST data_files/presigned_upload/upload/},
   * body {@code {"files": [...], "expiration": seconds}}); returns one target per file, in request order.
   *
   * @throws BackendError of kind {@code UNSUPPORTED} (or the platform's 4xx) when the tenant's storage takes no
   *     presigned uploads; callers then upload file by file with {@link #createDataFile}
   */
  List<PresignedUpload.Target> requestPresignedUpload(List<PresignedUpload.FileInfo> files, int expirationSeconds);

  /**
   * Sends {@code length} bytes of {@code file} from {@code offset} to a presigned URL with one PUT, once (the
   * caller decides on retries); no backend credentials go with it.
   *
   * @return the storage's ETag for the bytes, or an empty string when it sent none
   */
  String putPresigned(String url, Path file, long offset, long length, String contentType);

  /**
   * Confirms files whose bytes are in storage ({@code POST data_files/presigned_upload/confirm_upload/}, body
   * {@code {"files": [...]}}); the platform creates their data files and answers one result per file.
   */
  List<PresignedUpload.Confirmed> confirmPresignedUpload(List<PresignedUpload.Uploaded> files);

  /** Creates data units ({@code data_units/}); returns them in request order. */
  List<DataUnit> createDataUnits(List<DataUnitCreate> units);

  /** Deletes a data unit ({@code v2/data-units/{id}/}); used to roll back an upload. */
  void deleteDataUnit(long unitId);

  /** A data unit ({@code data_units/{id}/?expand=files}). */
  DataUnit getDataUnit(long unitId);

  // ---- exports and tasks -----------------------------------------------------------------------------

  /**
   * Hands each item of an export target matching {@code filters} to {@code each}.
   *
   * @return how many items the platform counted
   */
  long listExportRows(ExportTarget target, Map<String, String> filters, Consumer<ExportRow> each);

  /**
   * The ids of a project's tasks matching {@code filters} ({@code sdk/tasks/?fields=id}).
   */
  List<Long> listTaskIds(long projectId, Map<String, String> filters);

  /** A task with its data unit's files ({@code tasks/{id}/?expand=data_unit}). */
  Task getTask(long taskId);

  /**
   * Submits annotation data for a task ({@code PUT tasks/{id}/annotate_task_data/}, body
   * {@code {"action": "submit", "data": ...}}).
   *
   * @param schema the DM schema selector ({@code dm_schema_v1} or {@code any}), or null to omit it
   */
  void annotateTaskData(long taskId, Map<String, Object> data, String schema);

  // ---- jobs and plugins -----------------------------------------------------------------------------

  /** A job ({@code jobs/{id}/}). */
  JobRecord getJob(String jobId);

  /** Updates a job's status, progress, metrics or result ({@code PATCH jobs/{id}/}). */
  JobRecord updateJob(String jobId, JobUpdate update);

  /**
   * Adds log entries to their jobs ({@code POST logs/}, one entry or a list). Not idempotent: never retried.
   */
  void createLogs(List<JobLog> entries);

  /** A plugin release ({@code plugin_releases/{id}/}). */
  PluginRelease getPluginRelease(long releaseId);

  /** Runs a plugin action ({@code plugins/{code}/run/}); returns what the platform answered (the result or a job). */
  Object runPlugin(String pluginCode, PluginRun run);
}
