package io.synapse.plugins.executors.remote;

/**
 * An exception thrown by an action on a remote worker (a TASK actor or a JOB entrypoint), rebuilt on the driver from its class name,
 * message and stack text (never by deserialising the remote object). It is the cause of the
 * {@link io.synapse.plugins.errors.ExecutionError} the driver raises.
 */
public final class RemoteActionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String remoteClassName;
  private final String remoteStackTrace;

  /** A remote failure of class {@code remoteClassName}. */
  public RemoteActionException(String remoteClassName, String message, String remoteStackTrace) {
    super(remoteClassName + (message == null ? "" : ": " + message), null, false, false);
    this.remoteClassName = remoteClassName;
    this.remoteStackTrace = remoteStackTrace == null ? "" : remoteStackTrace;
  }

  /** The binary name of the remote exception's class. */
  public String remoteClassName() {
    return remoteClassName;
  }

  /** The remote stack trace as text, as {@code printStackTrace} wrote it on the worker. */
  public String remoteStackTrace() {
    return remoteStackTrace;
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
