package io.synapse.plugins.cli;

import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.PluginNotFoundError;
import io.synapse.plugins.errors.ValidationError;

/** The process exit codes of {@code synapse}, one per kind of outcome, and the error each maps to. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** An unexpected internal failure (a bug in synapse): reported with its stack trace hint. */
  public static final int INTERNAL = 1;
  /** Wrong command line: unknown option, missing argument, unreadable params or env input, unknown mode. */
  public static final int USAGE = 2;
  /** The params break the action's rules (every violation is listed). */
  public static final int VALIDATION = 3;
  /** No such plugin or action. */
  public static final int NOT_FOUND = 4;
  /** The action (or packaging / project generation) failed while running. */
  public static final int EXECUTION = 5;
  /** Reserved for runs that exceed a time limit. */
  public static final int TIMEOUT = 6;
  /** A malformed or stale plugin configuration, or a missing TASK/JOB backend. */
  public static final int CONFIG = 7;
  /**
   * The JVM failed outside an action: out of memory, a stack overflow in the command line itself, or
   * an internal JVM error (also when an action throws {@code InternalError}); the process ends. An
   * action that overflows its stack or runs out of memory is an execution failure (5) instead.
   */
  public static final int FATAL = 8;

  /** The help footer that documents the codes on every command. */
  public static final String FOOTER = "%nExit codes:%n"
      + "  0  success%n"
      + "  1  internal error (a bug; rerun with --debug)%n"
      + "  2  usage error (bad options, params or env input, unknown mode)%n"
      + "  3  validation error (every violated param is listed)%n"
      + "  4  plugin or action not found%n"
      + "  5  execution failure%n"
      + "  6  timeout (reserved)%n"
      + "  7  config error (malformed or stale config.yaml, missing TASK/JOB backend)%n"
      + "  8  fatal: out of memory or a JVM failure outside the action (the process ends)";

  private ExitCodes() {}

  /** The exit code for {@code error}. */
  public static int of(Throwable error) {
    if (error instanceof CliException cli) {
      return cli.exitCode();
    }
    if (error instanceof VirtualMachineError) {
      return FATAL;
    }
    if (error instanceof java.io.IOException || error instanceof java.io.UncheckedIOException) {
      return EXECUTION;
    }
    if (error instanceof ValidationError) {
      return VALIDATION;
    }
    if (error instanceof ActionNotFoundError || error instanceof PluginNotFoundError) {
      return NOT_FOUND;
    }
    if (error instanceof ConfigError) {
      return CONFIG;
    }
    if (error instanceof PluginError plugin) {
      return switch (plugin.code()) {
        case "unknown_mode" -> USAGE;
        case "backend_unavailable", "ray_unavailable", "ray_dashboard_unreachable" -> CONFIG;
        case "job_not_found", "pipeline_not_found", "pipeline_run_not_found" -> NOT_FOUND;
        case "invalid_pipeline" -> CONFIG;
        case "timeout" -> TIMEOUT;
        default -> EXECUTION;
      };
    }
    return INTERNAL;
  }
}
