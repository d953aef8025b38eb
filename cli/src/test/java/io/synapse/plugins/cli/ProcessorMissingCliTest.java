package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.discovery.ProcessorCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module built without the annotation processor: every command that loads it names the cause and the fix. */
class ProcessorMissingCliTest {
  @TempDir Path temp;

  private Path moduleWithoutProcessor() throws IOException, URISyntaxException {
    Path src = Files.createDirectories(temp.resolve("module/src/main/java/org/acme/trainer"));
    Files.writeString(src.resolve("package-info.java"),
        "@io.synapse.plugins.Plugin(code = \"trainer\", name = \"Trainer\", version = \"0.1.0\")\npackage org.acme.trainer;\n");
    Files.writeString(src.resolve("TrainParams.java"), "package org.acme.trainer;\n@io.synapse.plugins.Params public record TrainParams(int epochs) {}\n");
    Files.writeString(src.resolve("TrainAction.java"), "package org.acme.trainer;\n@io.synapse.plugins.PluginAction(name = \"train\")\n"
        + "public final class TrainAction extends io.synapse.plugins.action.BaseAction<TrainParams, String> {\n"
        + "  @Override public String execute() { return \"done\"; }\n}\n");
    Path classes = Files.createDirectories(temp.resolve("module/target/classes"));
    String runtime = Path.of(io.synapse.plugins.Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-classpath", runtime, "-d", classes.toString()));
    for (String name : List.of("package-info.java", "TrainParams.java", "TrainAction.java")) {
      args.add(src.resolve(name).toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, javac.run(null, err, err, args.toArray(String[]::new)), () -> err.toString(StandardCharsets.UTF_8));
    return temp.resolve("module");
  }

  @Test
  void runActionsAndPackageNameTheMissingProcessor() throws Exception {
    Path module = moduleWithoutProcessor();
    String cause = "org.acme.trainer.TrainAction, package org.acme.trainer are annotated @PluginAction or @Plugin but no plugin"
        + " registry was generated, so the plugin was compiled without the Synapse annotation processor: " + ProcessorCheck.FIX;
    for (String[] command : List.of(
        new String[] {"actions", module.toString()},
        new String[] {"run", module.toString(), "train", "-p", "epochs=1"},
        new String[] {"run", module.resolve("target/classes").toString(), "train"},
        new String[] {"package", module.toString(), "-o", temp.resolve("out").toString()})) {
      Cli.Result r = Cli.run(command);
      assertEquals(ExitCodes.NOT_FOUND, r.exitCode(), r::toString);
      assertTrue(r.err().contains(cause), r::toString);
    }
  }
}
