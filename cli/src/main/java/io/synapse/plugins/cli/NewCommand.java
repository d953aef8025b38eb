package io.synapse.plugins.cli;

import io.synapse.plugins.PluginCategory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse new CODE}: scaffolds a plugin project. */
@Command(
    name = "new",
    header = "Create a new plugin project.",
    mixinStandardHelpOptions = true,
    description = "Creates a plugin project that builds and passes its tests as generated: a Maven pom (runtime,"
        + " jakarta.validation-api provided, the processor on the annotation processor path), the @Plugin"
        + " package-info, one action for the category with params and result records, and a JUnit 5 test. For neural_net,"
        + " export, upload and pre_annotation the action extends the matching kit (synapse-plugins-kits) and its test"
        + " runs it against a local backend; --kit dataset or --kit inference builds a neural_net plugin on the dataset"
        + " or inference kit instead of the train kit.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse new image_tools --category smart_tool",
      "  synapse new trainer --category neural_net --package org.acme.trainer",
      "  synapse new detector --category neural_net --kit inference",
      "  cd image_tools && mvn verify && synapse run . annotate -p input=cat.png",
      ExitCodes.FOOTER
    })
final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CODE", description = "The plugin code: lower-case letters, digits, '_' and '-'.")
  String code;

  @Option(names = "--category", paramLabel = "CATEGORY", defaultValue = "custom", completionCandidates = Categories.class,
      description = "The plugin category: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String category;

  @Option(names = "--kit", paramLabel = "KIT", description = "The kit to build on when the category has several:"
      + " neural_net takes train (the default), dataset or inference.")
  String kit;

  @Option(names = "--dir", paramLabel = "DIR", description = "The project directory (default: ./CODE); must not exist or be empty.")
  Path dir;

  @Option(names = "--package", paramLabel = "PACKAGE", description = "The Java package (default: com.example.<code without _ and ->).")
  String packageName;

  @Option(names = "--group-id", paramLabel = "GROUP", description = "The Maven groupId (default: the package without its"
      + " last segment, e.g. org.acme for org.acme.trainer; a package of one or two segments itself).")
  String groupId;

  @Override
  public Integer call() throws IOException {
    PluginCategory pluginCategory = category(category);
    ProjectScaffold.checkCode(code); // before the default package is derived from it
    Path directory = dir != null ? dir : Path.of(code);
    String pkg = packageName != null ? packageName : ProjectScaffold.defaultPackage(code);
    String group = groupId != null ? groupId : ProjectScaffold.defaultGroupId(pkg);
    List<Path> files = ProjectScaffold.write(new ProjectScaffold.Spec(code, pluginCategory, pkg, group, directory, kit));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Created plugin " + code + " (" + pluginCategory.value() + ") in " + directory + ":");
    files.forEach(file -> out.println("  " + file.toString().replace('\\', '/')));
    if (KitTemplates.hasKit(pluginCategory)) {
      String action = KitTemplates.actionName(kit).orElseGet(() -> ProjectScaffold.actionName(pluginCategory));
      String kitName = kit != null ? kit : pluginCategory.value();
      out.println("Next: cd " + directory + " && mvn verify   (the " + action + " action extends the " + kitName
          + " kit; its test runs it against a local backend)");
    } else {
      out.println("Next: cd " + directory + " && mvn verify && synapse run . " + ProjectScaffold.actionName(pluginCategory)
          + " -p input=hello");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static PluginCategory category(String text) {
    for (PluginCategory candidate : PluginCategory.values()) {
      if (candidate.value().equalsIgnoreCase(text.replace('-', '_')) || candidate.name().equalsIgnoreCase(text)) {
        return candidate;
      }
    }
    throw CliException.usage("Unknown category '" + text + "': use one of " + String.join(", ", new Categories()));
  }

  /** The category values, for help and completion. */
  static final class Categories implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(PluginCategory.values()).map(PluginCategory::value).iterator();
    }
  }
}
