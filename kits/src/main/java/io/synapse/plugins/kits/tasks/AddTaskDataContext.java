package io.synapse.plugins.kits.tasks;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitContext;
import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.DataCollection;
import io.synapse.plugins.kits.client.PluginRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the steps of an {@link AddTaskDataAction} share. */
public class AddTaskDataContext extends KitContext {
  private final AddTaskDataParams params;
  volatile DataCollection collection;
  volatile PluginRelease preProcessor;
  final List<Long> taskIds = new ArrayList<>();
  final Map<Long, Map<String, Object>> previousData = new LinkedHashMap<>();
  final List<Map<String, Object>> failures = new ArrayList<>();
  volatile int success;
  private volatile Path scratch;

  /** A context for a run of {@code params}. */
  public AddTaskDataContext(RuntimeContext runtime, BackendClient client, AddTaskDataParams params) {
    super(runtime, client);
    this.params = params;
  }

  /** The run's params. */
  public AddTaskDataParams params() {
    return params;
  }

  /** The project's data collection (after {@code initialize}). */
  public DataCollection collection() {
    return collection;
  }

  /** The pre-processor release (INFERENCE, after {@code prepare}), or null. */
  public PluginRelease preProcessor() {
    return preProcessor;
  }

  /** Downloads {@code file} into the run's scratch directory (removed when the run ends) and returns its path. */
  public synchronized Path fetch(TaskFile file) throws IOException {
    if (scratch == null) {
      scratch = Files.createTempDirectory("synapse-task-data");
    }
    String name = file.name() == null ? "file" : Path.of(file.name().replace('\\', '/')).getFileName().toString();
    return client().download(file.url(), Files.createTempDirectory(scratch, "f").resolve(name.isBlank() ? "file" : name));
  }

  synchronized void removeScratch() throws IOException {
    if (scratch != null) {
      io.synapse.plugins.kits.internal.FileTrees.deleteTree(scratch);
      scratch = null;
    }
  }
}
