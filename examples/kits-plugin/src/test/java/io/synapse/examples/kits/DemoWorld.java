package io.synapse.examples.kits;

import io.synapse.plugins.kits.client.BackendClients;
import io.synapse.plugins.kits.client.LocalBackendClient;
import io.synapse.plugins.kits.client.ModelRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seeded demo platform of one test, and the params and environment of its runs. */
final class DemoWorld {
  final Path dir;
  final SeedDemo.Seeded seeded;
  final LocalBackendClient backend;

  DemoWorld(Path dir) throws IOException {
    this.dir = dir;
    this.seeded = SeedDemo.seed(dir);
    this.backend = new LocalBackendClient(dir.resolve("backend"));
  }

  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(BackendClients.LOCAL_BACKEND, dir.resolve("backend").toString());
    env.put("SYNAPSE_KITS_CACHE", dir.resolve("cache").toString());
    return env;
  }

  Map<String, Object> exportParams(String name) {
    return Map.of("name", name, "storage", seeded.storage().id(), "path", "exports", "target", "assignment",
        "filter", Map.of("project", seeded.project().id()));
  }

  Map<String, Object> uploadParams() {
    return Map.of("name", "up", "storage", seeded.storage().id(), "dataCollection", seeded.collection().id(), "path", "incoming");
  }

  List<ModelRecord> models() {
    List<ModelRecord> models = new ArrayList<>();
    for (long id = 1; id < 50; id++) {
      try {
        models.add(backend.getModel(id));
      } catch (io.synapse.plugins.kits.client.BackendError missing) {
        // not created
      }
    }
    return models;
  }

  String modelJson(ModelRecord model, Path scratch) throws IOException {
    Path zip = backend.download(model.fileUrl(), scratch.resolve("m" + model.id() + ".zip"));
    // The kits' own unzip is internal to them; the test reads the one entry it needs.
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(zip))) {
      for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals("model.json")) {
          return new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    throw new IOException("no model.json in " + zip);
  }
}
