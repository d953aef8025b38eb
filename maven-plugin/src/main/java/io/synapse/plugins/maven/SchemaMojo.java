package io.synapse.plugins.maven;

import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.errors.PluginError;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The JSON Schemas the processor generated for the plugin's actions (draft 2020-12): with
 * {@code -Dsynapse.action=NAME}, that action's params schema (its result's with {@code -Dsynapse.result}) is
 * printed, or written to {@code synapse.schema.output}; without an action, every action's params and result
 * schemas are copied to {@code outputDirectory} as {@code <action>.params.schema.json} and
 * {@code <action>.result.schema.json}. The schemas are read from the compiled plugin; this goal generates
 * nothing. Needs the compiled classes: {@code mvn compile synapse:schema}.
 */
@Mojo(name = "schema", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class SchemaMojo extends AbstractSynapseMojo {
  /** The action whose schema to print; unset means every action, copied to {@link #outputDirectory}. */
  @Parameter(property = "synapse.action")
  private String action;

  /** The result's schema instead of the params'. */
  @Parameter(property = "synapse.result", defaultValue = "false")
  private boolean result;

  /** Where one action's schema is written instead of printed. */
  @Parameter(property = "synapse.schema.output")
  private File output;

  /** Where every action's schemas go when no action is named. */
  @Parameter(property = "synapse.schema.directory", defaultValue = "${project.build.directory}/synapse-schemas")
  private File outputDirectory;

  /** For Maven. */
  public SchemaMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping synapse:schema (synapse.skip)");
      return;
    }
    PluginProject plugin = pluginProject();
    try (URLClassLoader loader = plugin.newClassLoader()) {
      PluginDiscovery discovery = PluginDiscovery.fromModule(plugin.code(), loader);
      if (action != null && !action.isBlank()) {
        String schema = result ? discovery.getActionResultSchema(action) : discovery.getActionParamsSchema(action);
        if (output == null) {
          getLog().info((result ? "Result" : "Params") + " schema of action " + action + ":\n" + schema.stripTrailing());
        } else {
          write(output.toPath(), schema);
          getLog().info("Wrote the " + (result ? "result" : "params") + " schema of action " + action + " to " + output);
        }
        return;
      }
      Path directory = outputDirectory.toPath();
      for (String name : discovery.listActions()) {
        write(directory.resolve(name + ".params.schema.json"), discovery.getActionParamsSchema(name));
        write(directory.resolve(name + ".result.schema.json"), discovery.getActionResultSchema(name));
      }
      getLog().info("Wrote the params and result schemas of " + discovery.listActions().size() + " actions of plugin "
          + plugin.code() + " to " + directory);
    } catch (PluginError e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write schemas: " + e.getMessage(), e);
    }
  }

  private static void write(Path file, String schema) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, schema, StandardCharsets.UTF_8);
  }
}
