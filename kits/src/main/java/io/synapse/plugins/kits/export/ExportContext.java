package io.synapse.plugins.kits.export;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitContext;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.ExportRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the steps of an export share. */
public class ExportContext extends KitContext {
  private final ExportRequest request;
  volatile Path exportDir;
  volatile Path labelsDir;
  volatile Path originalsDir;
  final List<ExportRow> rows = new ArrayList<>();
  final List<ExportRow> converted = new ArrayList<>();
  volatile Map<String, Object> configuration = Map.of();
  volatile Long projectId;
  final List<List<String>> dataFileErrors = new ArrayList<>();
  final List<List<String>> originalFileErrors = new ArrayList<>();
  volatile int exported;
  volatile int failed;
  volatile long bytesWritten;
  /** The http storage the export is published to after it is written locally, or null for a file_system storage. */
  volatile io.synapse.plugins.kits.client.HttpStorage publishTo;
  /** The export's path under the http storage's base URL. */
  volatile String publishPath;
  /** The local directory an export to an http storage is written in before it is published. */
  volatile Path stagingDir;
  /** The URL of the published export, after {@code publish}. */
  volatile String publishedUrl;

  /** A context for the export {@code request}. */
  public ExportContext(RuntimeContext runtime, BackendClient client, ExportRequest request) {
    super(runtime, client);
    this.request = request;
  }

  /** The run's params. */
  public ExportRequest request() {
    return request;
  }

  /** The export directory (after {@code initialize}), or null. */
  public Path exportDir() {
    return exportDir;
  }

  /** The project's annotation configuration (after {@code prepare_export}); empty when there is no project. */
  public Map<String, Object> configuration() {
    return configuration;
  }

  /** The project (after {@code prepare_export}), or null. */
  public Long projectId() {
    return projectId;
  }
}
