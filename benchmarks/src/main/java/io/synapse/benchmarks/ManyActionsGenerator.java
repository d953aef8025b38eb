package io.synapse.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the sources of a plugin with {@value #ACTIONS} actions (or as many as the second argument
 * says), each with its own params record (three constrained fields), for the discovery and
 * annotation-processing figures and their curves.
 *
 * <pre>java io.synapse.benchmarks.ManyActionsGenerator &lt;source directory&gt; [actions]</pre>
 */
public final class ManyActionsGenerator {
  /** How many actions the plugin has. */
  public static final int ACTIONS = 200;
  /** The plugin's code. */
  public static final String CODE = "many_actions";
  /** The plugin's package. */
  public static final String PACKAGE = "io.synapse.bench.many";

  private ManyActionsGenerator() {}

  /** Writes the sources under {@code args[0]}; {@code args[1]}, if given, is the number of actions. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : ACTIONS);
  }

  /** Writes the sources of a plugin with {@code actions} actions under {@code sources}. */
  static void write(Path sources, int actions) throws IOException {
    Path root = sources.resolve(PACKAGE.replace('.', '/'));
    String digits = "%0" + Math.max(3, String.valueOf(actions - 1).length()) + "d";
    Files.createDirectories(root);
    write(root.resolve("package-info.java"), """
        /** A generated plugin with %d actions. */
        @Plugin(code = "%s", name = "Many Actions", version = "0.1.0", category = PluginCategory.CUSTOM,
            description = "A generated plugin with many actions")
        package %s;

        import io.synapse.plugins.Plugin;
        import io.synapse.plugins.PluginCategory;
        """.formatted(actions, CODE, PACKAGE));
    for (int i = 0; i < actions; i++) {
      String n = String.format(Locale.ROOT, digits, i);
      write(root.resolve("Params" + n + ".java"), """
          package %s;

          import io.synapse.plugins.Default;
          import io.synapse.plugins.Params;
          import jakarta.validation.constraints.Max;
          import jakarta.validation.constraints.Min;
          import jakarta.validation.constraints.NotBlank;

          /**
           * Params of action %s.
           *
           * @param path the input
           * @param count how many times
           * @param dryRun whether to only pretend
           */
          @Params
          public record Params%s(@NotBlank String path, @Default("1") @Min(1) @Max(100) int count, @Default("false") boolean dryRun) {}
          """.formatted(PACKAGE, n, n));
      write(root.resolve("Action" + n + ".java"), """
          package %s;

          import io.synapse.plugins.PluginAction;
          import io.synapse.plugins.action.BaseAction;

          /** Action number %s: returns its path. */
          @PluginAction(name = "action-%s", title = "Action %s")
          public final class Action%s extends BaseAction<Params%s, String> {
            @Override
            public String execute() {
              return params().path();
            }
          }
          """.formatted(PACKAGE, n, n, n, n, n));
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
