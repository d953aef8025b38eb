package io.synapse.plugins.maven;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.cli.SynapseCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Runs a {@code synapse} command in Maven's JVM with a project's classes visible (as the thread's context
 * class loader, where the command line looks plugins up by code), so that a goal prints exactly what the
 * command prints: the same masking of secrets, the same violation list.
 */
final class CliBridge {
  // The runtime's plugin cache is one per JVM: modules built in parallel (-T) take turns here.
  private static final Object LOCK = new Object();

  private CliBridge() {}

  /**
   * What a command printed and its exit code.
   *
   * @param exitCode the command line's exit code (0 for success)
   * @param out its standard output
   * @param err its standard error
   */
  record Outcome(int exitCode, String out, String err) {}

  /** Runs {@code synapse <args>} with {@code loader} as the context class loader. */
  static Outcome execute(ClassLoader loader, List<String> args) {
    synchronized (LOCK) {
      return executeAlone(loader, args);
    }
  }

  private static Outcome executeAlone(ClassLoader loader, List<String> args) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    thread.setContextClassLoader(loader);
    // Plugins are cached by code: a plugin of an earlier module or build must not answer for this one.
    PluginRunner.clearCache();
    try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
      int code = SynapseCli.execute(args.toArray(String[]::new), outWriter, errWriter);
      outWriter.flush();
      errWriter.flush();
      return new Outcome(code, out.toString(), err.toString());
    } finally {
      PluginRunner.clearCache();
      thread.setContextClassLoader(previous);
    }
  }
}
