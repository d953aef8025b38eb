package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ConfigError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submitter's key file: made once, owner-only, even by concurrent first submits; refused when unsafe or malformed. */
class ResultKeysTest {
  @TempDir
  Path dir;

  @Test
  void concurrentFirstSubmitsEndWithOneKeyReadableByTheOwnerOnly() throws Exception {
    Path file = dir.resolve("state/synapse/job-results.key");
    ExecutorService threads = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<byte[]>> made = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      made.add(threads.submit(() -> {
        start.await();
        return new ResultKeys(file).loadOrCreate();
      }));
    }
    start.countDown();
    byte[] first = made.get(0).get();
    for (Future<byte[]> key : made) {
      assertArrayEquals(first, key.get());
    }
    threads.shutdown();
    assertEquals(32, first.length);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())), "a directory it made");
    try (var listing = Files.list(file.getParent())) {
      assertEquals(List.of(file), listing.toList(), "no temporary file left");
    }
  }

  @Test
  void aMissingKeyIsEmptyAndNotMadeByReading() {
    Path file = dir.resolve("none/job-results.key");
    assertTrue(new ResultKeys(file).load().isEmpty());
    assertFalse(Files.exists(file.getParent()));
  }

  @Test
  void unsafeOrMalformedKeyFilesAreRefusedNamingTheFile() throws Exception {
    List<String> refused = new ArrayList<>();
    Path good = dir.resolve("good/job-results.key");
    new ResultKeys(good).loadOrCreate();
    for (String permissions : List.of("rw-r--r--", "rw-rw----", "rw----r--", "rwx------")) {
      Path file = Files.createDirectories(dir.resolve("p" + permissions.hashCode())).resolve("k");
      Files.copy(good, file);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
      refused.add(assertThrows(ConfigError.class, () -> new ResultKeys(file).load()).getMessage());
    }
    Path link = dir.resolve("link");
    Files.createSymbolicLink(link, good);
    refused.add(assertThrows(ConfigError.class, () -> new ResultKeys(link).load()).getMessage());
    Path directory = Files.createDirectories(dir.resolve("dir"));
    refused.add(assertThrows(ConfigError.class, () -> new ResultKeys(directory).load()).getMessage());
    for (String content : List.of("", "short", "zz".repeat(32), "ab".repeat(33), "ab".repeat(200))) {
      Path file = Files.writeString(Files.createTempFile(dir, "key", ""), content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      refused.add(assertThrows(ConfigError.class, () -> new ResultKeys(file).load()).getMessage());
    }
    assertEquals(11, refused.size());
    for (String message : refused) {
      assertTrue(message.startsWith("The job result key /") && message.contains("cannot be verified"), message);
    }
  }

  @Test
  void derivedValuesDependOnTheIdAndTheSecret() {
    byte[] secret = new byte[32];
    byte[] other = new byte[32];
    other[0] = 1;
    assertFalse(ResultKeys.marker(secret, "a").equals(ResultKeys.marker(secret, "b")));
    assertFalse(ResultKeys.submitterTag(secret, "a").equals(ResultKeys.submitterTag(other, "a")));
    assertTrue(ResultKeys.isSubmitterTag(secret, "a", ResultKeys.submitterTag(secret, "a")));
    assertFalse(ResultKeys.isSubmitterTag(secret, "b", ResultKeys.submitterTag(secret, "a")));
    assertFalse(ResultKeys.isSubmitterTag(secret, "a", null));
    assertFalse(ResultKeys.isSubmitterTag(secret, "a", 42));
  }
}
