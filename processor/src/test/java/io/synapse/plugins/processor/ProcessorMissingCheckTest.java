package io.synapse.plugins.processor;

import static com.google.common.truth.Truth.assertThat;

import io.synapse.plugins.internal.ProcessorMissingCheck;
import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime jar's check for plugins compiled without the processor ({@code [Synapse/ProcessorMissing]})
 * stays quiet whenever the processor runs, and fails the compile when only the runtime is there. Each
 * compile is a separate javac process, as a build's is, so that this JVM's class path (which holds the
 * processor) cannot leak into the processor path.
 */
class ProcessorMissingCheckTest {
  @TempDir Path temp;

  @Test
  void theCheckNamesTheProcessorsRealClassFile() {
    assertThat(ProcessorMissingCheck.PROCESSOR_CLASS_FILE).isEqualTo(SynapseProcessor.class.getName().replace('.', '/') + ".class");
  }

  @Test
  void quietWhenTheProcessorIsOnTheProcessorPathWithTheRuntime() throws IOException {
    String classPath = classPathOf(TestCompiler.classpath());
    String output = compile(List.of("-classpath", classPath, "-processorpath", System.getProperty("java.class.path")), "pp");
    assertThat(output).doesNotContain(ProcessorMissingCheck.ID);
    assertThat(Files.readString(temp.resolve("pp/META-INF/services/io.synapse.plugins.spi.PluginRegistry"))).contains("DemoRegistry");
  }

  @Test
  void quietWhenTheProcessorIsOnTheClassPathWithTheRuntime() throws IOException {
    String output = compile(List.of("-classpath", System.getProperty("java.class.path")), "cp");
    assertThat(output).doesNotContain(ProcessorMissingCheck.ID);
    assertThat(Files.exists(temp.resolve("cp/META-INF/services/io.synapse.plugins.spi.PluginRegistry"))).isTrue();
  }

  @Test
  void failsWhenOnlyTheRuntimeIsOnTheClassPath() throws IOException {
    String output = compileExpectingFailure(List.of("-classpath", classPathOf(TestCompiler.classpath())), "rt");
    assertThat(output).contains(ProcessorMissingCheck.ID + " this module declares a plugin (1 @Plugin, 1 @PluginAction)");
  }

  private String compile(List<String> options, String out) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status = run(options, out, output);
    assertThat(output.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    return output.toString(StandardCharsets.UTF_8);
  }

  private String compileExpectingFailure(List<String> options, String out) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    assertThat(run(options, out, output)).isNotEqualTo(0);
    return output.toString(StandardCharsets.UTF_8);
  }

  private int run(List<String> options, String out, ByteArrayOutputStream output) throws IOException {
    Path src = Files.createDirectories(temp.resolve("src-" + out + "/demo"));
    Files.writeString(src.resolve("package-info.java"),
        "@io.synapse.plugins.Plugin(code = \"demo\", name = \"Demo\", version = \"1\")\npackage demo;\n");
    Files.writeString(src.resolve("GreetParams.java"), "package demo;\n@io.synapse.plugins.Params public record GreetParams(String name) {}\n");
    Files.writeString(src.resolve("Greet.java"), "package demo;\n@io.synapse.plugins.PluginAction(name = \"greet\")\n"
        + "public final class Greet extends io.synapse.plugins.action.BaseAction<GreetParams, String> {\n"
        + "  @Override public String execute() { return \"hi\"; }\n}\n");
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    if (!Files.isExecutable(javac)) {
      throw new AssertionError("this test needs a JDK's javac at " + javac);
    }
    List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "17", "-d",
        Files.createDirectories(temp.resolve(out)).toString()));
    command.addAll(options);
    for (String name : List.of("package-info.java", "GreetParams.java", "Greet.java")) {
      command.add(src.resolve(name).toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().transferTo(output);
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("javac did not finish within 5 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  private static String classPathOf(List<File> files) {
    return String.join(File.pathSeparator, files.stream().map(File::toString).toList());
  }
}
