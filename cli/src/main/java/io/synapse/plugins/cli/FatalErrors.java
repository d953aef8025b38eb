package io.synapse.plugins.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the command line does with errors that escape a command: a {@link VirtualMachineError} (out of
 * memory outside an action, a stack overflow in the command line itself, a broken JVM) is reported in
 * one masked line and ends the process with {@link ExitCodes#FATAL}; any other error that escapes is
 * an internal error ({@link ExitCodes#INTERNAL}). Nothing is printed raw: every line goes through the
 * masking writers, and stack traces only with {@code --debug}.
 */
final class FatalErrors {
  /** How long the process may take to run its shutdown hooks before it is halted (after any command). */
  static final long EXIT_DEADLINE_MILLIS = 10_000;

  private FatalErrors() {}

  /** Reports a JVM error that ended the command; returns {@link ExitCodes#FATAL}. */
  static int report(VirtualMachineError error, String[] args, PrintWriter out, PrintWriter err) {
    err.println("error: " + describe(error) + "; synapse stopped");
    printTraceIfAsked(error, args, err);
    printJsonIfAsked(error, ExitCodes.FATAL, "fatal_error", args, out);
    return ExitCodes.FATAL;
  }

  /** Reports an error no command handled; returns {@link ExitCodes#INTERNAL}. */
  static int reportInternal(Throwable error, String[] args, PrintWriter out, PrintWriter err) {
    err.println("error: " + SynapseCli.firstLine(error));
    if (!printTraceIfAsked(error, args, err)) {
      err.println("(an unexpected error: rerun with --debug for the stack trace)");
    }
    printJsonIfAsked(error, ExitCodes.INTERNAL, "internal_error", args, out);
    return ExitCodes.INTERNAL;
  }

  /**
   * The default handler of uncaught exceptions in the command line's threads: a JVM error ends the
   * process (as {@link #report} says); anything else is printed, masked, to {@code System.err}, which
   * the command line has pointed at its masking stream.
   */
  static void uncaught(Thread thread, Throwable error, String[] args) {
    if (error instanceof VirtualMachineError fatal) {
      try {
        System.err.println("error: " + describe(fatal) + " in thread '" + thread.getName() + "'; synapse stopped");
        System.err.flush();
      } finally {
        exit(ExitCodes.FATAL);
      }
    } else {
      System.err.println("error in thread '" + thread.getName() + "': " + error);
      if (Arrays.asList(args).contains("--debug")) {
        error.printStackTrace();
      }
      System.err.flush();
    }
  }

  /**
   * Ends the process with {@code code}: shutdown hooks run, but a hook that hangs (a cluster that no
   * longer answers) cannot keep the process alive past {@link #EXIT_DEADLINE_MILLIS}.
   */
  static void exit(int code) {
    Thread deadline = new Thread(() -> {
      try {
        Thread.sleep(EXIT_DEADLINE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(code);
    }, "synapse-exit-deadline");
    deadline.setDaemon(true);
    deadline.start();
    System.exit(code);
  }

  private static String describe(VirtualMachineError error) {
    String what = error instanceof OutOfMemoryError ? "out of memory"
        : error instanceof StackOverflowError ? "stack overflow" : "the JVM failed";
    return what + " (" + error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")";
  }

  private static boolean printTraceIfAsked(Throwable error, String[] args, PrintWriter err) {
    if (!Arrays.asList(args).contains("--debug")) {
      return false;
    }
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    err.print(trace);
    err.flush();
    return true;
  }

  private static void printJsonIfAsked(Throwable error, int exitCode, String code, String[] args, PrintWriter out) {
    if (!Arrays.asList(args).contains("--json")) {
      return;
    }
    Map<String, Object> object = new LinkedHashMap<>(SynapseCli.errorObject(error, exitCode));
    object.put("code", code);
    if (error instanceof VirtualMachineError fatal) {
      object.put("message", describe(fatal));
    }
    out.println(Json.pretty(Map.of("error", object)));
    out.flush();
  }
}
