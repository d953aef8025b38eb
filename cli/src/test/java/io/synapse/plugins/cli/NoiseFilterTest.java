package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's standard-error filter and the line rule behind it, byte by byte. */
class NoiseFilterTest {
  private static final String NATIVE_INFO =
      "[2026-12-01 23:47:22,120 I 14009 14014] gcs_client.cc:98: GcsClient has no Cluster ID set, and won't fetch from GCS.";
  private static final String NATIVE_WARNING = "[2026-12-01 23:47:22,121 W 14009 14015] core_worker_process.cc:154: slow";
  private static final String NATIVE_ERROR = "[2026-12-01 23:47:22,122 E 14009 14014] raylet_client.cc:60: lost the raylet";
  private static final String LOG4J = "WARNING: sun.reflect.Reflection.getCallerClass is not supported. This will impact performance.";
  private static final String PYTHON_INFO = "2026-12-01 23:47:35,173\tINFO job_manager.py:530 -- Runtime env is setting up.";
  private static final String PYTHON_ERROR = "2026-12-01 23:47:35,173\tERROR job_manager.py:530 -- Runtime env setup failed.";

  @TempDir Path dir;

  @Test
  void rayChatterIsNoiseAndEverythingElseIsNot() {
    for (String noise : List.of(NATIVE_INFO, NATIVE_WARNING, LOG4J, PYTHON_INFO,
        "[2026-12-01 00:00:00,000 D 1 2] plasma_store.h:7: x")) {
      assertTrue(RayNoise.isNoise(noise), noise);
    }
    for (String kept : List.of(NATIVE_ERROR, PYTHON_ERROR, "[2026-12-01 23:47:22,123 F 1 2] x.cc:1: fatal",
        "[word-count] word-count 1/2 (50%)", "error: params: epochs: must be at least 1", "", "WARNING: something else",
        "[2026-12-01] gcs_client.cc:98: not Ray's format", "2026-12-01 23:47:35,173 INFO job_manager.py:530 -- no tab",
        "  " + NATIVE_INFO, "\u001b[2K[2026-12-01 23:47:22,120 I 1 2] a.cc:1: after an escape")) {
      assertFalse(RayNoise.isNoise(kept), kept);
    }
    assertEquals(RayNoise.Verdict.KEEP, RayNoise.verdict(PYTHON_INFO), "on standard error an action may print that format");
    assertEquals(RayNoise.Verdict.UNDECIDED, RayNoise.verdict("[2026-12-01 23:4"));
    assertEquals(RayNoise.Verdict.UNDECIDED, RayNoise.verdict("WARN"));
    assertEquals(RayNoise.Verdict.KEEP, RayNoise.verdict("[w"));
  }

  @Test
  void noiseLinesGoToTheLogAndTheRestPassesUnchangedWhateverTheChunks() throws IOException {
    String input = "Running word-count in task mode\n" + LOG4J + "\n" + NATIVE_INFO + "\n" + NATIVE_INFO + "\n"
        + "[word-count] word-count 1/2 (50%)\n" + NATIVE_ERROR + "\n" + "tail without a break";
    String kept = "Running word-count in task mode\n[word-count] word-count 1/2 (50%)\n" + NATIVE_ERROR + "\ntail without a break";
    String logged = LOG4J + "\n" + NATIVE_INFO + "\n" + NATIVE_INFO + "\n";
    for (int chunk : new int[] {1, 2, 3, 7, 64, 8192}) {
      Path log = dir.resolve("logs-" + chunk).resolve("ray-native.log");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new NoiseFilter(new ChunkedInput(input.getBytes(StandardCharsets.UTF_8), chunk), out, log).run();
      assertEquals(kept, out.toString(StandardCharsets.UTF_8), "chunks of " + chunk);
      assertEquals(logged, Files.readString(log), "chunks of " + chunk);
    }
  }

  @Test
  void bytesThatAreNotTextAndLongLinesPassWhole() throws IOException {
    byte[] binary = new byte[20_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31 + 7);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path log = dir.resolve("binary.log");
    new NoiseFilter(new ByteArrayInputStream(binary), out, log).run();
    assertEquals(binary.length, out.size());
    assertTrue(java.util.Arrays.equals(binary, out.toByteArray()));
    assertFalse(Files.exists(log), "no noise, no log file");

    String longStart = "[2026-12-01 23:47:22,120 I 14009 14014] " + "x".repeat(1000) + ".cc:1: too long to be Ray's\n";
    ByteArrayOutputStream longOut = new ByteArrayOutputStream();
    new NoiseFilter(new ByteArrayInputStream(longStart.getBytes(StandardCharsets.UTF_8)), longOut, log).run();
    assertEquals(longStart, longOut.toString(StandardCharsets.UTF_8), "held at most " + NoiseFilter.DECIDE_LIMIT + " bytes, then kept");
  }

  @Test
  void aRedrawnProgressLineIsShownBeforeItsLineEnds() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream reader = new PipedInputStream(writer, 1 << 16);
    Arrival out = new Arrival();
    Thread filter = new Thread(() -> {
      try {
        new NoiseFilter(reader, out, dir.resolve("live.log")).run();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    filter.start();
    String bar = "\rword-count [######      ] 50%";
    writer.write(bar.getBytes(StandardCharsets.UTF_8));
    writer.flush();
    assertEquals(bar, out.await(bar.length()), "passed on without waiting for a line break");
    // A start that could be Ray's is held only until the input goes quiet.
    writer.write("\n[2026-12-01 2".getBytes(StandardCharsets.UTF_8));
    writer.flush();
    assertEquals("\n[2026-12-01 2", out.await(14));
    writer.close();
    filter.join(10_000);
    assertFalse(filter.isAlive());
  }

  @Test
  void whenTheLogCannotBeWrittenTheNoiseIsShownNotLost() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String input = NATIVE_INFO + "\nkept\n";
    new NoiseFilter(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, notADirectory.resolve("ray.log")).run();
    assertEquals(input, out.toString(StandardCharsets.UTF_8));

    StringWriter shown = new StringWriter();
    var lines = RayNoise.lines(new PrintWriter(shown), false, notADirectory.resolve("ray.log"));
    lines.accept(PYTHON_INFO);
    assertEquals(PYTHON_INFO + System.lineSeparator(), shown.toString());
  }

  @Test
  void followedJobLinesLeaveRaysInfoInTheLogUnlessDebug() throws IOException {
    Path log = dir.resolve("job").resolve("ray-native.log");
    StringWriter shown = new StringWriter();
    var lines = RayNoise.lines(new PrintWriter(shown), false, log);
    for (String line : List.of(PYTHON_INFO, "[word-count] word-count 1/1 (100%)", PYTHON_ERROR, NATIVE_INFO)) {
      lines.accept(line);
    }
    String n = System.lineSeparator();
    assertEquals("[word-count] word-count 1/1 (100%)" + n + PYTHON_ERROR + n, shown.toString());
    assertEquals(PYTHON_INFO + "\n" + NATIVE_INFO + "\n", Files.readString(log));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(log)),
        "Ray's lines are for their owner only");

    StringWriter debug = new StringWriter();
    RayNoise.lines(new PrintWriter(debug), true, log).accept(PYTHON_INFO);
    assertEquals(PYTHON_INFO + n, debug.toString());
  }

  @Test
  void anOversizedLogIsMovedAside() throws IOException {
    Path log = dir.resolve("big").resolve("ray-native.log");
    Files.createDirectories(log.getParent());
    Files.write(log, new byte[(int) RayNoise.ROTATE_BYTES + 1]);
    try (OutputStream out = RayNoise.openLog(log)) {
      out.write('x');
    }
    assertEquals(1, Files.size(log));
    assertEquals(RayNoise.ROTATE_BYTES + 1, Files.size(log.resolveSibling("ray-native.log.1")));
  }

  @Test
  void theLogIsNeverWrittenThroughALinkAndIsMadeOwnerOnly() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("planted"));
    Path target = dir.resolve("elsewhere.txt");
    Path log = logs.resolve("ray-native.log");
    Files.createSymbolicLink(log, target);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String input = NATIVE_INFO + "\n";
    new NoiseFilter(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, log).run();
    assertEquals(input, out.toString(StandardCharsets.UTF_8), "shown, since the log's name is a link");
    assertFalse(Files.exists(target), "nothing was written through the dangling link");
    Files.writeString(target, "someone's file\n");
    new NoiseFilter(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), log).run();
    assertEquals("someone's file\n", Files.readString(target), "nor appended to the file a link names");

    Path loose = Files.createDirectories(dir.resolve("loose")).resolve("ray-native.log");
    Files.writeString(loose, "");
    Files.setPosixFilePermissions(loose, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    new NoiseFilter(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), loose).run();
    assertEquals(input, Files.readString(loose));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(loose)));
  }

  /** Hands out its bytes a few at a time, as a pipe does. */
  private static final class ChunkedInput extends ByteArrayInputStream {
    private final int chunk;

    ChunkedInput(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }

    @Override
    public synchronized int available() {
      return Math.min(super.available(), chunk);
    }
  }

  /** Collects what the filter writes, so that a test can wait for a given number of bytes. */
  private static final class Arrival extends OutputStream {
    private final BlockingQueue<Integer> bytes = new ArrayBlockingQueue<>(1 << 16);

    @Override
    public void write(int b) {
      bytes.add(b & 0xff);
    }

    String await(int count) throws InterruptedException {
      List<Integer> got = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Integer b = bytes.poll(10, TimeUnit.SECONDS);
        if (b == null) {
          break;
        }
        got.add(b);
      }
      byte[] array = new byte[got.size()];
      for (int i = 0; i < array.length; i++) {
        array[i] = (byte) (int) got.get(i);
      }
      return new String(array, StandardCharsets.UTF_8);
    }
  }
}
