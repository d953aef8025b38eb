package io.synapse.examples.kits;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.nio.file.Path;

/** Seeds a demo platform into a directory (see {@link SeedDemo}), so the kits can be tried with no platform. */
@PluginAction(name = "seed", title = "Seed a demo local backend", method = RunMethod.TASK)
public final class Seed extends BaseAction<SeedParams, SeedIds> {
  @Override
  public SeedIds execute() throws Exception {
    Path dir = Path.of(params().dir());
    SeedDemo.Seeded seeded = SeedDemo.seed(dir);
    return new SeedIds(dir.resolve("backend").toAbsolutePath().toString(), seeded.storage().id(), seeded.collection().id(),
        seeded.project().id(), seeded.dataset().id());
  }
}
