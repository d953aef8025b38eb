package io.synapse.plugins.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse package SOURCE -o OUT}: a self-contained plugin directory or zip. */
@Command(
    name = "package",
    header = "Package a built plugin into a self-contained directory or zip.",
    mixinStandardHelpOptions = true,
    description = "Packages a built Maven module directory (target/classes or target/*.jar, plus target/lib or"
        + " target/dependency jars) or a plugin jar into a self-contained plugin directory: config.yaml at the top"
        + " and lib/ with the plugin jar and its run-time dependencies. With -o NAME.zip, writes a zip of it."
        + " The result is checked by loading it, built beside the output and renamed into place; concurrent runs"
        + " to one output wait for each other (lock file .NAME.synapse-package.lock). Symbolic links in the module"
        + " are followed only while they stay inside it; links at or inside the output are replaced, never followed.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse package examples/hello-plugin -o dist/hello_plugin",
      "  synapse package target/my-plugin-1.0.jar -o dist/my_plugin.zip",
      "  synapse run dist/hello_plugin process -p inputPath=/in",
      ExitCodes.FOOTER
    })
final class PackageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "A built Maven module directory or a plugin jar.")
  Path source;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR|ZIP",
      description = "Where to write: a new (or empty) directory, or a file ending in .zip.")
  Path output;

  @Option(names = "--force", description = "Replace an existing output (a symbolic link there is replaced itself, not followed).")
  boolean force;

  @Override
  public Integer call() throws IOException {
    PluginPackager.Result result = PluginPackager.pack(source, output, force);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Packaged plugin " + result.code() + " " + result.version() + " into " + result.output()
        + " (" + result.libraries().size() + " jars in lib/)");
    out.flush();
    return ExitCodes.OK;
  }
}
