package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line, in a JVM of its own with a small heap, running the test plugin's
 * misbehaving actions: a real out-of-memory error in an action is an execution failure (exit 5); one
 * in another thread, or while the command line prints a result too large for the heap, ends the
 * process with exit 8 and one masked line, never a raw {@code Exception in thread "main"}; nor does a
 * JVM error thrown by an action. None of them shows the secret.
 */
class FatalErrorsIT {
  static final String SECRET = "fatal-s3cret-value";

  private final Path jar = Processes.required("synapse.cli.jar");
  @TempDir Path temp;

  private Processes.Outcome synapse(String heap, String... args) throws Exception {
    Path fixture = Path.of("target", "test-classes").toAbsolutePath();
    assertTrue(Files.isDirectory(fixture.resolve("META-INF/synapse/hostile_plugin")), "the test fixture plugin is compiled");
    List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx" + heap, "-cp", jar + File.pathSeparator + fixture,
        SynapseCli.class.getName()));
    command.addAll(List.of(args));
    return Processes.run(temp, command, 120);
  }

  private static void assertClean(Processes.Outcome outcome) {
    String all = outcome.out() + outcome.err();
    assertFalse(all.contains(SECRET), outcome::toString);
    assertFalse(all.contains("Exception in thread"), outcome::toString);
  }

  @Test
  void aRealOutOfMemoryErrorInAnActionIsAnExecutionFailure() throws Exception {
    Processes.Outcome r = synapse("64m", "run", "hostile_plugin", "explode", "-p", "token=" + SECRET, "-p", "kind=real_out_of_memory", "--json");
    assertEquals(ExitCodes.EXECUTION, r.exitCode(), r::toString);
    assertClean(r);
    assertTrue(r.err().startsWith("error: Action 'explode' of plugin 'hostile_plugin' failed: OutOfMemoryError: Java heap space"), r::toString);
    Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) Json.parseJson(r.out(), "out")).get("error");
    assertEquals("out_of_memory", ((Map<?, ?>) error.get("details")).get("reason"), r::toString);
  }

  @Test
  void aRealStackOverflowInAnActionIsAnExecutionFailure() throws Exception {
    Processes.Outcome r = synapse("64m", "run", "hostile_plugin", "explode", "-p", "token=" + SECRET, "-p", "kind=real_stack_overflow");
    assertEquals(ExitCodes.EXECUTION, r.exitCode(), r::toString);
    assertClean(r);
    assertEquals("error: Action 'explode' of plugin 'hostile_plugin' failed: StackOverflowError\n", r.err(), r::toString);
  }

  @Test
  void runningOutOfMemoryInAnotherThreadEndsTheProcessWithExit8() throws Exception {
    long started = System.nanoTime();
    Processes.Outcome r = synapse("64m", "run", "hostile_plugin", "explode", "-p", "token=" + SECRET, "-p", "kind=background_out_of_memory");
    assertEquals(ExitCodes.FATAL, r.exitCode(), r::toString);
    assertClean(r);
    assertTrue(r.err().contains("error: out of memory (java.lang.OutOfMemoryError: background ran out with ***) in thread"
        + " 'hostile-background'; synapse stopped"), r::toString);
    assertTrue(System.nanoTime() - started < 50_000_000_000L, "ended well before the action's own minute");
  }

  @Test
  void runningOutOfMemoryWhilePrintingTheResultEndsWithExit8() throws Exception {
    Processes.Outcome r = synapse("48m", "run", "hostile_plugin", "flood", "-p", "lines=3000000", "--json");
    assertEquals(ExitCodes.FATAL, r.exitCode(), r::toString);
    assertClean(r);
    assertTrue(r.err().startsWith("error: out of memory (java.lang.OutOfMemoryError"), r::toString);
    assertTrue(r.err().contains("; synapse stopped"), r::toString);
  }

  @Test
  void aJvmErrorThrownByAnActionEndsWithExit8AndAMaskedMessage() throws Exception {
    Processes.Outcome r = synapse("64m", "run", "hostile_plugin", "explode", "-p", "token=" + SECRET, "-p", "kind=internal_error", "--json");
    assertEquals(ExitCodes.FATAL, r.exitCode(), r::toString);
    assertClean(r);
    assertEquals("error: the JVM failed (java.lang.InternalError: broken by ***); synapse stopped\n", r.err(), r::toString);
    Map<?, ?> error = (Map<?, ?>) ((Map<?, ?>) Json.parseJson(r.out(), "out")).get("error");
    assertEquals("fatal_error", error.get("code"));
    assertEquals(ExitCodes.FATAL, error.get("exit_code"));
  }
}
