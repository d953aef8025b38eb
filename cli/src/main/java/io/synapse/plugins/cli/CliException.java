package io.synapse.plugins.cli;

/** A failure the command line reports as one line with a chosen exit code. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A failure with {@code message}, exiting with {@code exitCode} (see {@link ExitCodes}). */
  public CliException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  /** A failure with {@code message} and its {@code cause}. */
  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The process exit code. */
  public int exitCode() {
    return exitCode;
  }

  /** A usage error (exit code 2). */
  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }
}
