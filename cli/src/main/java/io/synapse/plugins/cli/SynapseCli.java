package io.synapse.plugins.cli;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code synapse} command: runs, inspects, validates, packages and scaffolds Synapse plugins. */
@Command(
    name = "synapse",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    description = "Runs, inspects, validates, packages and scaffolds Synapse plugins.%n"
        + "PLUGIN is a path (a plugin directory, its config.yaml, a plugin jar, or a built Maven module with"
        + " target/classes) or a plugin code or Java package on the class path.",
    subcommands = {
      RunCommand.class,
      ActionsCommand.class,
      DescribeCommand.class,
      SchemaCommand.class,
      ValidateCommand.class,
      PackageCommand.class,
      NewCommand.class,
      JobCommand.class,
      PipelineCommand.class,
      AutoComplete.GenerateCompletion.class,
      HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  synapse actions examples/hello-plugin",
      "  synapse run examples/hello-plugin process -p inputPath=/in.csv -p batchSize=64",
      "  synapse describe examples/hello-plugin process",
      "  source <(synapse generate-completion)",
      ExitCodes.FOOTER
    })
public final class SynapseCli implements Callable<Integer> {
  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
  boolean debug;

  @Spec CommandSpec spec;

  private final Secrets secrets;

  SynapseCli(Secrets secrets) {
    this.secrets = secrets;
  }

  /** The secrets of this command line, masked in all of its output. */
  Secrets secrets() {
    return secrets;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * Runs the command line and exits with its {@link ExitCodes exit code}. What anything else prints
   * to {@code System.out} or {@code System.err} (an action, a library) goes to standard error with the
   * secrets masked; a {@link VirtualMachineError} in any thread ends the process with
   * {@link ExitCodes#FATAL}.
   */
  public static void main(String[] args) {
    Secrets secrets = new Secrets();
    secrets.addFromRawArguments(args);
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> FatalErrors.uncaught(thread, error, args));
    int code = runMain(args, System.out, System.err, secrets);
    if (code == ExitCodes.FATAL) {
      FatalErrors.exit(code);
    }
    System.exit(code);
  }

  /**
   * {@link #execute} with the process's streams: {@code stdout} for the command's own output,
   * {@code stderr} for the rest, and {@code System.out}/{@code System.err} sent, masked, to
   * {@code stderr} while it runs (restored afterwards).
   */
  static int runMain(String[] args, PrintStream stdout, PrintStream stderr, Secrets secrets) {
    Charset charset = Charset.defaultCharset();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    // Standard output carries only the command's own output (results, JSON): libraries and actions
    // that print to System.out (Ray's logging does when it starts) are sent to standard error instead.
    PrintStream masked = new PrintStream(new RedactingOutputStream(stderr, charset, secrets), true, charset);
    System.setOut(masked);
    System.setErr(masked);
    try {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, charset), true);
      PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, charset), true);
      return execute(args, out, err, secrets);
    } finally {
      masked.close(); // forwards an unfinished last line; stderr itself stays open
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /**
   * Runs the command line with {@code args}, printing to {@code out} and {@code err} (with every
   * secret masked), and returns the exit code. Used by {@link #main} and by tests, in process.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Secrets secrets = new Secrets();
    secrets.addFromRawArguments(args);
    return execute(args, out, err, secrets);
  }

  static int execute(String[] args, PrintWriter out, PrintWriter err, Secrets secrets) {
    PrintWriter safeOut = new PrintWriter(new RedactingWriter(out, secrets), true);
    PrintWriter safeErr = new PrintWriter(new RedactingWriter(err, secrets), true);
    if (java.util.Arrays.asList(args).contains("--debug")) {
      // Validation errors record no stack trace by default; --debug promises one.
      ValidationError.recordStackTraces(true);
    }
    try {
      return commandLine(secrets, safeOut, safeErr).execute(args);
    } catch (VirtualMachineError e) {
      return FatalErrors.report(e, args, safeOut, safeErr);
    } catch (RuntimeException | Error e) {
      // Escaped the command's own error handling (picocli handles exceptions, not errors).
      return FatalErrors.reportInternal(e, args, safeOut, safeErr);
    } finally {
      safeOut.flush();
      safeErr.flush();
    }
  }

  static CommandLine commandLine(Secrets secrets, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new SynapseCli(secrets));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(SynapseCli::handleExecutionException);
    commandLine.setParameterExceptionHandler(SynapseCli::handleParameterException);
    CommandLine completion = commandLine.getSubcommands().get("generate-completion");
    completion.getCommandSpec().usageMessage()
        .hidden(false)
        .description("Print a bash/zsh completion script: source <(synapse generate-completion)");
    commandLine.setUsageHelpAutoWidth(true);
    return commandLine;
  }

  private static int handleParameterException(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("error: " + withoutArgumentValues(e.getMessage(), args));
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * {@code message} (a usage error) with the arguments' values replaced by the mask: usage errors name
   * options, positions and the names of {@code NAME=VALUE} arguments, never a value given, since it
   * may be a secret. The first argument (where the subcommand goes) may be quoted, so that a mistyped
   * command is shown.
   */
  static String withoutArgumentValues(String message, String[] args) {
    if (message == null) {
      return null;
    }
    String result = message;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int equals = arg.indexOf('=');
      if (arg.startsWith("-")) {
        if (equals > 0 && equals < arg.length() - 1) {
          result = result.replace(arg, arg.substring(0, equals + 1) + Secrets.MASK);
        }
      } else if (!arg.isEmpty()) {
        // NAME=VALUE keeps its name, so that a misplaced -p or --env argument can still be recognised.
        String shown = equals > 0 ? arg.substring(0, equals + 1) + Secrets.MASK : Secrets.MASK;
        result = result.replace("'" + arg + "'", "'" + shown + "'");
      }
    }
    return result;
  }

  private static int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    int code = ExitCodes.of(e);
    PrintWriter err = commandLine.getErr();
    err.println("error: " + firstLine(e));
    if (e instanceof ValidationError validation) {
      for (Violation violation : validation.violations()) {
        err.println("  - " + violation + " [" + violation.constraint() + "]");
      }
    }
    if (debugRequested(parseResult)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else if (code == ExitCodes.INTERNAL) {
      err.println("(an unexpected error: rerun with --debug for the stack trace)");
    }
    err.flush();
    Object command = commandLine.getCommand();
    if (command instanceof MachineOutput machine && machine.json()) {
      commandLine.getOut().println(Json.pretty(Map.of("error", errorObject(e, code))));
      commandLine.getOut().flush();
    }
    return code;
  }

  static Map<String, Object> errorObject(Throwable e, int exitCode) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e instanceof PluginError plugin ? plugin.code() : "cli_error");
    error.put("exit_code", exitCode);
    error.put("message", firstLine(e));
    if (e instanceof PluginError plugin) {
      Map<String, Object> details = new LinkedHashMap<>();
      plugin.details().forEach((key, value) -> details.put(key, plainValue(value)));
      error.put("details", details);
    }
    return error;
  }

  private static Object plainValue(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Map<?, ?> || value instanceof java.util.List<?>) {
      return value;
    }
    return String.valueOf(value);
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult current = parseResult; current != null; current = current.subcommand()) {
      if (current.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** A command that can print machine-readable output, errors included, with {@code --json}. */
  interface MachineOutput {
    /** Whether {@code --json} was given. */
    boolean json();
  }
}
