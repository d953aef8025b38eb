package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line always ends: a shutdown hook that hangs cannot keep it alive past its exit deadline, and
 * without Ray on the class path a TASK run fails with one line (exit 7) and no exit hook prints a
 * {@code NoClassDefFoundError}. The packaged jar in JVMs of their own, without Ray's jar.
 */
class ShutdownIT {
  private final Path jar = Processes.required("synapse.cli.jar");
  @TempDir Path temp;

  private Processes.Outcome synapse(String... args) throws Exception {
    Path fixture = Path.of("target", "test-classes").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(Processes.java(), "-cp", jar + File.pathSeparator + fixture, SynapseCli.class.getName()));
    command.addAll(List.of(args));
    return Processes.run(temp, command, 120);
  }

  @Test
  void aHangingShutdownHookCannotKeepTheProcessAlive() throws Exception {
    long started = System.nanoTime();
    Processes.Outcome r = synapse("run", "hostile_plugin", "hang-at-exit", "--progress", "off");
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("done", r.out().strip(), r::toString);
    assertTrue(seconds < 60, "ended after " + seconds + " s, within the exit deadline");
  }

  @Test
  void withoutRayATaskRunIsOneErrorLineAndNoExitHookFails() throws Exception {
    for (String mode : List.of("task", "local")) {
      Processes.Outcome r = synapse("run", "hostile_plugin", "flood", "-p", "lines=1", "--mode", mode,
          "--ray-address", "127.0.0.1:1", "--progress", "off");
      String all = r.out() + r.err();
      assertFalse(all.contains("NoClassDefFoundError") || all.contains("Exception in thread") || all.contains("\tat "), r::toString);
      if (mode.equals("task")) {
        assertEquals(ExitCodes.CONFIG, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("error: Ray's Java runtime is not on the class path"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
      } else {
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
      }
    }
  }

  @Test
  void theJobCommandsWithoutRayNeedNoRay() throws Exception {
    Processes.Outcome r = synapse("job", "status", "no-such-job", "--dashboard", "http://127.0.0.1:1");
    assertEquals(ExitCodes.CONFIG, r.exitCode(), r::toString);
    assertFalse((r.out() + r.err()).contains("NoClassDefFoundError"), r::toString);
    assertTrue(Files.isDirectory(temp));
  }
}
