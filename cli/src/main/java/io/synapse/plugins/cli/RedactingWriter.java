package io.synapse.plugins.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Forwards text a line at a time (or at each flush) with every known secret masked. Buffering to the
 * line keeps a secret from slipping through split across two writes (each line of a secret that
 * spans lines is a secret of its own, see {@link Secrets#add}); a line longer than
 * {@value #MAX_PENDING} characters is forwarded in pieces of that size, so memory stays bounded (a
 * secret split across two such pieces is not masked).
 */
final class RedactingWriter extends Writer {
  /** The longest text held back waiting for the end of its line. */
  static final int MAX_PENDING = 1 << 20;

  private final Writer target;
  private final Secrets secrets;
  private final boolean holdPartialLines;
  private final StringBuilder pending = new StringBuilder();

  /** A writer that forwards everything it holds when flushed (the command's own output, progress redraws). */
  RedactingWriter(Writer target, Secrets secrets) {
    this(target, secrets, false);
  }

  /**
   * A writer that, when {@code holdPartialLines}, forwards an unfinished line only when it is closed
   * (or the line grows past the limit), not when flushed: output of code the command line does not
   * control may flush in the middle of a secret.
   */
  RedactingWriter(Writer target, Secrets secrets, boolean holdPartialLines) {
    this.target = target;
    this.secrets = secrets;
    this.holdPartialLines = holdPartialLines;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) throws IOException {
    pending.append(chars, offset, length);
    int lastNewline = pending.lastIndexOf("\n");
    if (lastNewline >= 0) {
      target.write(secrets.redact(pending.substring(0, lastNewline + 1)));
      pending.delete(0, lastNewline + 1);
    }
    if (pending.length() > MAX_PENDING) {
      target.write(secrets.redact(pending.toString()));
      pending.setLength(0);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (holdPartialLines) {
      int lastNewline = pending.lastIndexOf("\n");
      if (lastNewline >= 0) {
        target.write(secrets.redact(pending.substring(0, lastNewline + 1)));
        pending.delete(0, lastNewline + 1);
      }
      target.flush();
      return;
    }
    forwardAll();
  }

  /** Forwards everything held and flushes; the target (standard output or error) is left open. */
  @Override
  public synchronized void close() throws IOException {
    forwardAll();
  }

  private void forwardAll() throws IOException {
    if (pending.length() > 0) {
      target.write(secrets.redact(pending.toString()));
      pending.setLength(0);
    }
    target.flush();
  }
}
