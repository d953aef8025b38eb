package io.synapse.plugins.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Forwards text a line at a time (or at each flush) with every known secret masked. Buffering to the
 * line keeps a secret from slipping through split across two writes.
 */
final class RedactingWriter extends Writer {
  private final Writer target;
  private final Secrets secrets;
  private final StringBuilder pending = new StringBuilder();

  RedactingWriter(Writer target, Secrets secrets) {
    this.target = target;
    this.secrets = secrets;
  }

  @Override
  public synchronized void write(char[] chars, int offset, int length) throws IOException {
    pending.append(chars, offset, length);
    int lastNewline = pending.lastIndexOf("\n");
    if (lastNewline >= 0) {
      target.write(secrets.redact(pending.substring(0, lastNewline + 1)));
      pending.delete(0, lastNewline + 1);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pending.length() > 0) {
      target.write(secrets.redact(pending.toString()));
      pending.setLength(0);
    }
    target.flush();
  }

  /** Flushes; the target (standard output or error) is left open. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
