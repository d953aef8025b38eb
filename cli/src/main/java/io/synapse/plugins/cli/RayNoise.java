package io.synapse.plugins.cli;

import io.synapse.plugins.pipeline.store.RunStores;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines are Ray's own chatter rather than the run's, and the log file they go to instead of a
 * user's terminal (unless {@code --debug}).
 *
 * <p>Three kinds, all of them printed by Ray's libraries, not by an action:
 * <ul>
 *   <li>the native core's log lines at DEBUG, INFO and WARNING level, which it writes to the process's
 *       standard error before its own log files are set up ({@code [2026-12-01 10:00:00,123 I 14009 14014]
 *       gcs_client.cc:98: GcsClient has no Cluster ID set, ...});</li>
 *   <li>log4j's {@code WARNING: sun.reflect.Reflection.getCallerClass is not supported...} from the log4j-api
 *       copy in Ray's jar;</li>
 *   <li>in a followed job's log only, Ray's Python log lines at DEBUG and INFO level ({@code 2026-12-01
 *       10:00:00,173 INFO job_manager.py:530 -- Runtime env is setting up.}); the launcher's filter leaves such
 *       lines on standard error, where an action could print them.</li>
 * </ul>
 * Native ERROR and FATAL lines and Python WARNING and ERROR lines are not noise: they stay on the terminal
 * (and go to the log too). The file is {@code logs/ray-native.log} under the state directory
 * ({@code $SYNAPSE_STATE_DIR}, else {@code $XDG_STATE_HOME/synapse}, else {@code ~/.local/state/synapse}),
 * moved aside to {@code ray-native.log.1} once it passes {@value #ROTATE_BYTES} bytes (checked when it is opened,
 * and by a long-running filter before each noise line once it has written that much). An action's own line that
 * starts exactly like Ray's native or log4j lines is taken for Ray's too; {@code --debug} shows it.
 */
final class RayNoise {
  /** Where a log file is moved aside. */
  static final long ROTATE_BYTES = 8L * 1024 * 1024;

  // The prefix that makes a line noise; a line is decided as soon as its start matches or cannot match.
  private static final String NATIVE_OR_LOG4J =
      "\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} [DIW] \\d+ \\d+\\] [\\w.+-]+\\.(?:cc|h|cpp):\\d+: "
          + "|WARNING: sun\\.reflect\\.Reflection\\.getCallerClass is not supported\\.";
  // What the launcher's filter holds back from standard error: only what Ray's native code and log4j print.
  private static final Pattern STDERR_NOISE = Pattern.compile(NATIVE_OR_LOG4J);
  // In a job's log also Ray's own Python INFO lines (the job manager's), which an action cannot be mistaken for there.
  private static final Pattern JOB_LOG_NOISE = Pattern.compile(NATIVE_OR_LOG4J
      + "|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}\\t(?:DEBUG|INFO) [\\w.+-]+\\.py:\\d+ -- ");

  /** What the start of a line says. */
  enum Verdict {
    /** Ray's chatter: to the log. */
    NOISE,
    /** Anything else: to the terminal. */
    KEEP,
    /** Too short to tell yet. */
    UNDECIDED
  }

  private RayNoise() {}

  /** Whether a whole line (without its line break) of a job's log is Ray's chatter. */
  static boolean isNoise(CharSequence line) {
    return JOB_LOG_NOISE.matcher(line).lookingAt();
  }

  /**
   * What the start of a line of standard error, so far, says: {@link Verdict#UNDECIDED} while more characters
   * could still make it noise.
   */
  static Verdict verdict(CharSequence start) {
    Matcher matcher = STDERR_NOISE.matcher(start);
    if (matcher.lookingAt()) {
      return Verdict.NOISE;
    }
    return matcher.hitEnd() ? Verdict.UNDECIDED : Verdict.KEEP;
  }

  /**
   * A consumer of whole lines (a followed job's log) that prints each to {@code err}, except noise, which goes
   * to {@code log}; with {@code debug} every line is printed. Noise is printed too when the log cannot be
   * written.
   */
  static Consumer<String> lines(PrintWriter err, boolean debug, Path log) {
    if (debug) {
      return line -> {
        err.println(line);
        err.flush();
      };
    }
    return line -> {
      if (!isNoise(line) || !appended(log, line)) {
        err.println(line);
        err.flush();
      }
    };
  }

  // Appends one line to the log (a job's log has a few noise lines, so the file is opened for each).
  private static boolean appended(Path log, String line) {
    try (OutputStream out = openLog(log)) {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The log file under the user's state directory. */
  static Path defaultLog() {
    return RunStores.stateDir().resolve("logs").resolve("ray-native.log");
  }

  /**
   * Opens {@code log} for appending, creating its directory and moving an oversized file aside first.
   *
   * @throws IOException when it cannot be created or opened
   */
  static OutputStream openLog(Path log) throws IOException {
    Path directory = log.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) && Files.size(log) > ROTATE_BYTES) {
      Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    // Ray's lines are kept as Ray wrote them (addresses, paths): readable by their owner only, never written
    // through a link someone planted at the log's name (that fails, and the noise is shown instead).
    SeekableByteChannel channel = posix
        ? Files.newByteChannel(log, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.newByteChannel(log, options);
    if (posix) {
      try {
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }
    return Channels.newOutputStream(channel);
  }
}
