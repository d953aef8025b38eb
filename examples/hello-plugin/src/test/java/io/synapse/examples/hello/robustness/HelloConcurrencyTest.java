package io.synapse.examples.hello.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.examples.hello.HelloPlugin;
import io.synapse.examples.hello.ProcessParams;
import io.synapse.examples.hello.ProcessResult;
import io.synapse.examples.hello.SignParams;
import io.synapse.examples.hello.SignedFile;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.executors.LocalExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated plugin under contention: many threads signing different files with different secret
 * tokens, through runPlugin and the typed facade at once. Every signature is made with the run's own
 * token over its own file, each run's events are its own, and no run's token shows in another's events.
 */
class HelloConcurrencyTest {
  static final int THREADS = 12;
  static final int RUNS = 120;

  @TempDir Path temp;

  @AfterEach
  void forget() {
    PluginRunner.clearCache();
  }

  @Test
  void signingInParallelNeverMixesFilesTokensOrEvents() throws Exception {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      files.add(Files.writeString(temp.resolve("f" + i + ".txt"), "content of file " + i + "\n".repeat(i + 1)));
    }
    List<String> problems = inParallel(thread -> {
      List<String> found = new ArrayList<>();
      Path file = files.get(thread);
      for (int run = 0; run < RUNS; run++) {
        String token = "token-" + thread + "-" + run + "-secret";
        RecordingSink sink = new RecordingSink();
        SignedFile signed;
        if (run % 2 == 0) {
          signed = (SignedFile) PluginRunner.runPlugin("hello_plugin", "sign",
              Map.of("file", file.toString(), "destination", Map.of("bucket", "b" + thread), "apiToken", token),
              ExecutionMode.LOCAL, RunOptions.builder().jobId("j" + thread + "-" + run).sink(sink).build());
        } else {
          signed = HelloPlugin.sign(new SignParams(file, new SignParams.Destination("b" + thread, "t" + thread + "/"), token),
              LocalExecutor.builder().jobId("j" + thread + "-" + run).sink(sink).build());
        }
        if (!signed.signature().equals(hmac(token, sha256(file)))) {
          found.add("thread " + thread + " run " + run + " signed with another token or file");
        }
        String prefix = run % 2 == 0 ? "uploads/" : "t" + thread + "/";
        if (!signed.key().equals(prefix + file.getFileName())) {
          found.add("thread " + thread + " run " + run + " key " + signed.key());
        }
        for (PluginEvent event : sink.events()) {
          if (!("j" + thread + "-" + run).equals(event.jobId()) || !("b" + thread).equals(event.data().get("bucket"))) {
            found.add("thread " + thread + " run " + run + " got " + event);
          }
          if (event.toString().contains("token-")) {
            found.add("a token reached an event: " + event);
          }
        }
        if (sink.events(EventType.LOG).size() != 1) {
          found.add("thread " + thread + " run " + run + " events " + sink.events());
        }
      }
      return found;
    });
    assertEquals(List.of(), problems);
  }

  @Test
  void processThroughTheFacadeAndRunPluginInParallel() throws Exception {
    List<String> problems = inParallel(thread -> {
      List<String> found = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        int batch = 1 + (thread * RUNS + run) % 1024;
        ProcessResult facade = HelloPlugin.process(new ProcessParams("/in/" + thread, "/out/" + thread + "/" + run, batch, false),
            LocalExecutor.builder().sink(new RecordingSink()).build());
        Object byCode = PluginRunner.runPlugin("hello_plugin", "process",
            Map.of("inputPath", "/in", "outputPath", "/o/" + thread + "/" + run, "batchSize", batch), ExecutionMode.LOCAL,
            RunOptions.builder().sink(new RecordingSink()).build());
        if (!facade.equals(new ProcessResult("completed", "/out/" + thread + "/" + run, 100))
            || !byCode.equals(new ProcessResult("completed", "/o/" + thread + "/" + run, 100))) {
          found.add(facade + " / " + byCode);
        }
      }
      return found;
    });
    assertEquals(List.of(), problems);
  }

  @Test
  void discoveryByCodeUnderContentionIsOneInstance() throws Exception {
    for (int round = 0; round < 25; round++) {
      PluginRunner.clearCache();
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<PluginDiscovery> found = Collections.synchronizedList(new ArrayList<>());
      inParallel(thread -> {
        start.await(10, TimeUnit.SECONDS);
        found.add(PluginRunner.discover("hello_plugin"));
        return List.of();
      });
      Set<PluginDiscovery> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
      distinct.addAll(found);
      assertEquals(THREADS, found.size());
      assertEquals(1, distinct.size(), "round " + round);
    }
  }

  private static List<String> inParallel(ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int thread = i;
        futures.add(pool.submit((Callable<List<String>>) () -> work.run(thread)));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> future : futures) {
        all.addAll(future.get(120, TimeUnit.SECONDS));
      }
      return all;
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @FunctionalInterface
  interface ThreadWork {
    List<String> run(int thread) throws Exception;
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  static String hmac(String token, String sha) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(sha.getBytes(StandardCharsets.US_ASCII)));
  }
}
