package io.synapse.plugins.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's standard-error filter for runs that start Ray in the command line's JVM: copies its input
 * to its output as it arrives, except the lines {@link RayNoise} calls Ray's chatter, which go to a log
 * file instead (Ray's native library writes them straight to file descriptor 2, past anything Java could
 * intercept). {@code ./synapse} starts it in a process of its own, reading the command's standard error
 * through a FIFO, unless {@code --debug} is given or {@code SYNAPSE_RAY_NOISE=show} is set.
 *
 * <p>Nothing waits for a line to end: a line is passed on as soon as its first bytes cannot start noise
 * (a progress bar redrawn after {@code \r} is shown at once), and a start that could still be noise but
 * stops arriving is passed on after {@value #SETTLE_MILLIS} ms. At most {@value #DECIDE_LIMIT} bytes are
 * held. When the log file cannot be written, the noise is shown rather than lost.
 */
public final class NoiseFilter {
  /** The most bytes of a line's start held back while it could still be noise. */
  static final int DECIDE_LIMIT = 256;
  /** How long a start that could still be noise is held when no more bytes arrive. */
  static final long SETTLE_MILLIS = 60;

  private enum State { START, PASS, NOISE }

  private final InputStream in;
  private final OutputStream out;
  private final Path logFile;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(DECIDE_LIMIT);
  private OutputStream log;
  private long logBytes;
  private boolean logFailed;
  private State state = State.START;

  NoiseFilter(InputStream in, OutputStream out, Path logFile) {
    this.in = in;
    this.out = out;
    this.logFile = logFile;
  }

  /**
   * Filters the FIFO the launcher made (or standard input) to standard output until its end.
   *
   * @param args the log file (empty: {@link RayNoise#defaultLog()}), then optionally the directory holding the
   *     launcher's FIFO {@code stderr}: the filter writes {@code ready} there, opens the FIFO (which waits for
   *     the command to open its end) and deletes the directory
   */
  public static void main(String[] args) throws IOException {
    Path logFile = args.length > 0 && !args[0].isEmpty() ? Path.of(args[0]) : RayNoise.defaultLog();
    InputStream in;
    if (args.length > 1) {
      Path directory = Path.of(args[1]);
      Files.createFile(directory.resolve("ready"));
      in = new FileInputStream(directory.resolve("stderr").toFile());
      removeFifo(directory);
    } else {
      in = new FileInputStream(FileDescriptor.in);
    }
    new NoiseFilter(in, new FileOutputStream(FileDescriptor.out), logFile).run();
  }

  // The FIFO is open by now, so its name (and the ready file) are not needed any more.
  private static void removeFifo(Path directory) {
    try (var entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        Files.deleteIfExists(entry);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // A FIFO left in the temporary directory is harmless.
    }
  }

  /** Copies until the input ends, then closes the log. */
  void run() throws IOException {
    byte[] buffer = new byte[8192];
    try {
      while (true) {
        int count = in.read(buffer);
        if (count < 0) {
          release();
          break;
        }
        filter(buffer, count);
        out.flush();
        if (log != null) {
          log.flush();
        }
        if (state == State.START && pending.size() > 0 && quiet()) {
          release();
          state = State.PASS;
        }
      }
    } finally {
      out.flush();
      if (log != null) {
        log.close();
      }
    }
  }

  private void filter(byte[] buffer, int count) throws IOException {
    int i = 0;
    while (i < count) {
      switch (state) {
        case PASS -> {
          int end = lineEnd(buffer, i, count, true);
          out.write(buffer, i, end - i);
          if (end > i && isBreak(buffer[end - 1], true)) {
            state = State.START;
          }
          i = end;
        }
        case NOISE -> {
          int end = lineEnd(buffer, i, count, false);
          writeNoise(buffer, i, end - i);
          if (end > i && buffer[end - 1] == '\n') {
            state = State.START;
          }
          i = end;
        }
        case START -> {
          byte b = buffer[i++];
          pending.write(b);
          decide(isBreak(b, true));
        }
      }
    }
  }

  // Decides the held start of a line when it can be decided; a whole line is decided by its text.
  private void decide(boolean lineEnded) throws IOException {
    byte[] held = pending.toByteArray();
    int textLength = lineEnded ? held.length - 1 : held.length;
    RayNoise.Verdict verdict = RayNoise.verdict(new String(held, 0, textLength, StandardCharsets.ISO_8859_1));
    if (lineEnded && verdict == RayNoise.Verdict.UNDECIDED) {
      verdict = RayNoise.Verdict.KEEP;
    }
    if (verdict == RayNoise.Verdict.UNDECIDED && held.length < DECIDE_LIMIT) {
      return;
    }
    pending.reset();
    if (verdict == RayNoise.Verdict.NOISE) {
      if (log != null && logBytes > RayNoise.ROTATE_BYTES) {
        // A long-running command (the console): reopening moves the full log aside.
        log.close();
        log = null;
        logBytes = 0;
      }
      writeNoise(held, 0, held.length);
      state = lineEnded && held[held.length - 1] == '\n' ? State.START : State.NOISE;
    } else {
      out.write(held);
      state = lineEnded ? State.START : State.PASS;
    }
  }

  private void release() throws IOException {
    if (pending.size() > 0) {
      out.write(pending.toByteArray());
      pending.reset();
    }
  }

  // Waits a little for more input; true when none came.
  private boolean quiet() throws IOException {
    long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
    while (in.available() == 0) {
      if (System.nanoTime() >= deadline) {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
    return false;
  }

  private void writeNoise(byte[] bytes, int offset, int length) throws IOException {
    if (log == null && !logFailed) {
      try {
        log = RayNoise.openLog(logFile);
      } catch (IOException | RuntimeException e) {
        logFailed = true;
      }
    }
    if (log != null) {
      try {
        log.write(bytes, offset, length);
        logBytes += length;
        return;
      } catch (IOException e) {
        logFailed = true;
        log = null;
      }
    }
    out.write(bytes, offset, length);
  }

  // The index after the next line break at or after from, else count.
  private static int lineEnd(byte[] buffer, int from, int count, boolean carriageReturnEnds) {
    for (int i = from; i < count; i++) {
      if (isBreak(buffer[i], carriageReturnEnds)) {
        return i + 1;
      }
    }
    return count;
  }

  private static boolean isBreak(byte b, boolean carriageReturnEnds) {
    return b == '\n' || (carriageReturnEnds && b == '\r');
  }
}
