package io.synapse.examples.ray.jobs;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Reports where it runs: its process, node (mount namespace), directories, files and environment. */
@PluginAction(name = "probe", title = "Probe")
public final class ProbeAction extends BaseAction<ProbeParams, Probe> {

  @Override
  public Probe execute() throws IOException {
    Map<String, String> contents = new TreeMap<>();
    for (Path file : params().read()) {
      contents.put(file.toString(), Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing>");
    }
    Map<String, Boolean> visible = new TreeMap<>();
    params().visible().forEach(path -> visible.put(path, Files.exists(Path.of(path))));
    String namespace;
    try {
      namespace = Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")).toString();
    } catch (IOException | UnsupportedOperationException e) {
      namespace = "unknown";
    }
    return new Probe(ProcessHandle.current().pid(), namespace, Path.of("").toAbsolutePath().toString(), ctx().workingDir().toString(),
        ctx().hasWorkingDir(), contents, params().variable() == null ? null : System.getenv(params().variable()), visible,
        System.getProperty("java.class.path"), System.getProperty("ray.job.code-search-path"));
  }
}
