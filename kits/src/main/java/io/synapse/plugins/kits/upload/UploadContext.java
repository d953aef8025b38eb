package io.synapse.plugins.kits.upload;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitContext;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.DataCollection;
import io.synapse.plugins.kits.client.DataFile;
import io.synapse.plugins.kits.client.DataUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the steps of an upload share. */
public class UploadContext extends KitContext {
  private final UploadRequest request;
  volatile Path workingDir;
  /** Each file specification's directory and whether it is read recursively (after {@code initialize}). */
  final Map<String, Map.Entry<Path, Boolean>> specDirs = Collections.synchronizedMap(new LinkedHashMap<>());
  volatile Map<String, Map<String, Object>> metadata = Map.of();
  volatile DataCollection collection;
  final List<FileGroup> groups = new ArrayList<>();
  final List<String> invalid = new ArrayList<>();
  final Map<Path, DataFile> uploaded = Collections.synchronizedMap(new LinkedHashMap<>());
  final List<String> lost = Collections.synchronizedList(new ArrayList<>());
  final List<DataUnit> dataUnits = new ArrayList<>();
  final List<Long> shardUnitIds = Collections.synchronizedList(new ArrayList<>());
  final List<Long> shardFileIds = Collections.synchronizedList(new ArrayList<>());
  volatile int shardUploaded;
  volatile boolean sharded;

  /** A context for the upload {@code request}. */
  public UploadContext(RuntimeContext runtime, BackendClient client, UploadRequest request) {
    super(runtime, client);
    this.request = request;
  }

  /** The run's params. */
  public UploadRequest request() {
    return request;
  }

  /**
   * The directory the files are read from (after {@code initialize}): the upload path in single-path mode, the
   * storage's location in multi-path mode; data unit file paths are relative to it.
   */
  public Path workingDir() {
    return workingDir;
  }

  /** The organized file groups, one per data unit to create. */
  public List<FileGroup> groups() {
    return List.copyOf(groups);
  }

  /**
   * One data unit's files.
   *
   * @param stem the shared file stem (relative to the specification directory, without extension)
   * @param files specification name to file
   * @param meta the unit's metadata ({@code origin_file_stem} and the metadata file's entries)
   */
  public record FileGroup(String stem, Map<String, Path> files, Map<String, Object> meta) {
    /** Copies the parts. */
    public FileGroup {
      files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
      meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }
  }
}
