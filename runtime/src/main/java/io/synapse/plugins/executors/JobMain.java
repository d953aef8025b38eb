package io.synapse.plugins.executors;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.executors.remote.RemoteWorker;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entrypoint of a JOB-mode run: the JVM a Ray Job starts on a cluster node,
 * {@code java <flags> -cp <the job's code package> io.synapse.plugins.executors.JobMain <request file>}.
 * It is the same class for every plugin: the plugin is found by its generated registry on the class path.
 * It runs the request with the {@link RemoteWorker} routine a TASK actor runs.
 *
 * <p><b>Request file</b>: one {@link RemoteProtocol} request message (UTF-8), found as given or in a directory
 * of {@code PYTHONPATH}, where Ray unpacks a job's {@code py_modules}; its {@code marker} frames the outcome.
 *
 * <p><b>Output</b> on standard output: each event as a protocol event message on a line of its own, as the
 * action reports it, then {@value #RESULT_BEGIN}{@code <marker>}, the outcome message (result or failure) on
 * one line, and {@value #RESULT_END}{@code <marker>}. The exit status is 0 on success, 1 when the action or
 * its params failed, 2 when the request itself could not be read (no outcome then).
 */
public final class JobMain {
  /** Starts the line before the outcome; the request's marker follows it. */
  public static final String RESULT_BEGIN = "@@synapse-job-result-begin ";
  /** Starts the line after the outcome; the request's marker follows it. */
  public static final String RESULT_END = "@@synapse-job-result-end ";

  private JobMain() {}

  /** Runs the request file {@code args[0]} and exits with its status. */
  public static void main(String[] args) {
    exit("synapse job", args, JobMain::run, () -> {});
  }

  /** What a job entrypoint does with its arguments and standard output; returns the exit status. */
  interface Entrypoint {
    int run(String[] args, PrintStream out);
  }

  /**
   * The frame of every job entrypoint: standard output as UTF-8, the entrypoint run, a request it cannot read
   * reported as {@code <name>: cannot run the request} with status 2, {@code cleanup}, then exit with the status.
   */
  static void exit(String name, String[] args, Entrypoint entrypoint, Runnable cleanup) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(out);
    int status;
    try {
      status = entrypoint.run(args, out);
    } catch (RuntimeException | LinkageError e) {
      System.err.println(name + ": cannot run the request: " + e);
      status = 2;
    }
    out.flush();
    cleanup.run();
    System.exit(status);
  }

  private static int run(String[] args, PrintStream out) {
    if (args.length != 1) {
      System.err.println("usage: java -cp <class path> " + JobMain.class.getName() + " <request file>");
      return 2;
    }
    RemoteMessage.Request request = readRequest(args[0]);
    String marker = request.marker() == null ? request.id() : request.marker();
    RemoteWorker worker = new RemoteWorker(JobMain.class.getClassLoader(), ExecutionMode.JOB);
    RemoteMessage.Outcome outcome = worker.run(request, message -> {
      if (message instanceof RemoteMessage.Event) {
        out.println(RemoteProtocol.write(message));
      }
    });
    printOutcome(out, marker, outcome);
    return outcome instanceof RemoteMessage.Result ? 0 : 1;
  }

  /** Prints {@code outcome} between the markers, as every job entrypoint ends. */
  static void printOutcome(PrintStream out, String marker, RemoteMessage.Outcome outcome) {
    out.println();
    out.println(RESULT_BEGIN + marker);
    out.println(RemoteProtocol.write(outcome));
    out.println(RESULT_END + marker);
    out.flush();
  }

  private static RemoteMessage.Request readRequest(String name) {
    Path file = locate(name);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read request file " + file + ": " + e, e);
    }
    RemoteMessage message;
    try {
      message = RemoteProtocol.read(text.strip());
    } catch (PluginError e) {
      throw new IllegalStateException("request file " + file + ": " + e.getMessage(), e);
    }
    if (message instanceof RemoteMessage.Request request) {
      return request;
    }
    throw new IllegalStateException("request file " + file + " holds a " + message.getClass().getSimpleName() + " message, not a request");
  }

  /** The request file as given, else in one of the {@code PYTHONPATH} directories (the job's py_modules). */
  static Path locate(String name) {
    Path given = Path.of(name);
    if (Files.isRegularFile(given)) {
      return given;
    }
    String pythonPath = System.getenv("PYTHONPATH");
    if (pythonPath != null) {
      for (String entry : pythonPath.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          Path candidate = Path.of(entry).resolve(name);
          if (Files.isRegularFile(candidate)) {
            return candidate;
          }
        }
      }
    }
    throw new IllegalStateException("request file " + name + " is neither in " + Path.of("").toAbsolutePath()
        + " nor in a PYTHONPATH directory (" + pythonPath + ")");
  }
}
