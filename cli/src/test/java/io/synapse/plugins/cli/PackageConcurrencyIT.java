package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate {@code synapse package} processes writing one zip at once: the file lock orders them, so
 * with {@code --force} each writes the same valid zip in turn, and without it exactly one wins.
 */
class PackageConcurrencyIT {
  static final int PROCESSES = 3;

  private final Path jar = Processes.required("synapse.cli.jar");
  private final Path root = Processes.required("synapse.repo.root");
  @TempDir Path temp;

  @Test
  void processesPackagingToOneZipNeverLeaveABadOne() throws Exception {
    String hello = root.resolve("examples/hello-plugin").toString();
    Path reference = temp.resolve("reference.zip");
    assertEquals(0, Processes.run(temp, List.of(Processes.java(), "-jar", jar.toString(), "package", hello, "-o", reference.toString()), 120)
        .exitCode());
    for (int round = 0; round < 3; round++) {
      Path zip = temp.resolve("forced.zip");
      List<Processes.Outcome> forced = inParallel(List.of(Processes.java(), "-jar", jar.toString(), "package", hello, "-o", zip.toString(), "--force"));
      forced.forEach(outcome -> assertEquals(0, outcome.exitCode(), outcome::toString));
      PackageSafetyTest.assertValidZip(zip);
      assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(zip));

      Path once = temp.resolve("once-" + round + ".zip");
      List<Processes.Outcome> racing = inParallel(List.of(Processes.java(), "-jar", jar.toString(), "package", hello, "-o", once.toString()));
      assertEquals(1, racing.stream().filter(outcome -> outcome.exitCode() == 0).count(), racing::toString);
      assertEquals(PROCESSES - 1, racing.stream().filter(outcome -> outcome.exitCode() == ExitCodes.USAGE).count(), racing::toString);
      PackageSafetyTest.assertValidZip(once);
    }
  }

  private List<Processes.Outcome> inParallel(List<String> command) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
    try {
      List<Future<Processes.Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        futures.add(pool.submit(() -> Processes.run(temp, command, 180)));
      }
      List<Processes.Outcome> outcomes = new ArrayList<>();
      for (Future<Processes.Outcome> future : futures) {
        outcomes.add(future.get(240, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
