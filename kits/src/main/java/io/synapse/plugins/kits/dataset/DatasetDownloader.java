package io.synapse.plugins.kits.dataset;

import io.synapse.plugins.kits.client.BackendClient;
import io.synapse.plugins.kits.client.FileRef;
import io.synapse.plugins.kits.client.GroundTruthEvent;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.internal.KitPaths;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads a ground-truth dataset version into the DM v2 layout ({@code json/<stem>.json} beside
 * {@code original_files/}, per split when splits are given), fetching the events' files in parallel.
 * Without an output directory the download goes to a cache shared by every run on the machine,
 * keyed by backend, dataset and splits: it is written to a temporary directory, marked complete and
 * moved into place in one step, so concurrent runs never see half a dataset and a second run reuses
 * the first one's download.
 */
public final class DatasetDownloader {
  /** The platform's split category of each split name. */
  static final Map<String, String> SPLIT_CATEGORIES = Map.of("train", "train", "valid", "validation", "test", "test");
  private static final String COMPLETE = ".complete";
  private static final int MAX_THREADS = 8;

  private DatasetDownloader() {}

  /** Hears the download's progress: phase {@code fetch} (listing) or {@code download} (files). */
  @FunctionalInterface
  public interface Progress {
    /** {@code current} of {@code total} done in {@code phase}. */
    void report(String phase, long current, long total);
  }

  /**
   * What to download.
   *
   * @param dataset the ground-truth dataset version
   * @param splits split name to extra filters ({@code train}, {@code valid}, {@code test}); empty for one unsplit dataset
   * @param outputDir where to write (must be absent or empty), or null for the shared cache under {@code cacheRoot}
   * @param cacheRoot the cache root ({@link KitPaths#cacheRoot})
   */
  public record Request(long dataset, Map<String, Map<String, Object>> splits, Path outputDir, Path cacheRoot) {
    /** Copies the splits. */
    public Request {
      splits = splits == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(splits));
    }
  }

  /**
   * What a download gave.
   *
   * @param path the dataset directory
   * @param categorized whether it is split
   * @param count how many items were written (or found in the cache)
   * @param failed how many events could not be downloaded
   * @param fromCache whether the cache already held it
   * @param created what this download created, for a rollback to delete (nothing on a cache hit)
   */
  public record Download(Path path, boolean categorized, int count, int failed, boolean fromCache, List<Path> created) {
    /** Copies the list. */
    public Download {
      created = List.copyOf(created);
    }
  }

  /** Downloads {@code request} from {@code client}. */
  public static Download download(BackendClient client, Request request, Progress progress) throws IOException {
    client.getGroundTruthVersion(request.dataset());
    boolean categorized = !request.splits().isEmpty();
    if (request.outputDir() != null) {
      Path out = request.outputDir();
      boolean existed = Files.exists(out);
      if (existed && (!Files.isDirectory(out) || hasEntries(out))) {
        throw new IllegalArgumentException("output directory " + out + " exists and is not empty");
      }
      Files.createDirectories(out);
      try {
        int[] counts = downloadTo(client, request, out, progress);
        List<Path> created = existed ? children(out) : List.of(out);
        return new Download(out, categorized, counts[0], counts[1], false, created);
      } catch (IOException | RuntimeException e) {
        if (existed) {
          for (Path child : children(out)) {
            FileTrees.deleteTree(child);
          }
        } else {
          FileTrees.deleteTree(out);
        }
        throw e;
      }
    }
    Path datasets = Files.createDirectories(request.cacheRoot().resolve("datasets"));
    String key = KitPaths.hash(client.describe()) + "_" + request.dataset()
        + (categorized ? "_" + String.join("_", request.splits().keySet()) + "_" + KitPaths.hash(KitJson.write(request.splits())) : "");
    Path finalDir = datasets.resolve(key);
    if (Files.isRegularFile(finalDir.resolve(COMPLETE))) {
      int count = countItems(finalDir, categorized);
      if (count > 0) {
        progress.report("download", 1, 1);
        return new Download(finalDir, categorized, count, 0, true, List.of());
      }
      FileTrees.deleteTree(finalDir);
    } else if (Files.exists(finalDir)) {
      // A left-over without the marker (a crash while it was removed) is no download.
      FileTrees.deleteTree(finalDir);
    }
    Path temp = datasets.resolve(".tmp_" + key + "_" + java.util.UUID.randomUUID());
    try {
      Files.createDirectories(temp);
      int[] counts = downloadTo(client, request, temp, progress);
      Files.writeString(temp.resolve(COMPLETE), "");
      try {
        Files.move(temp, finalDir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, finalDir);
      } catch (java.nio.file.FileSystemException raced) {
        if (!Files.isRegularFile(finalDir.resolve(COMPLETE))) {
          throw raced;
        }
        // Another run finished first: use its download.
        FileTrees.deleteTree(temp);
        return new Download(finalDir, categorized, countItems(finalDir, categorized), 0, true, List.of());
      }
      return new Download(finalDir, categorized, counts[0], counts[1], false, List.of(finalDir));
    } catch (IOException | RuntimeException e) {
      FileTrees.deleteTree(temp);
      throw e;
    }
  }

  private static int[] downloadTo(BackendClient client, Request request, Path out, Progress progress) throws IOException {
    int downloaded = 0;
    int failed = 0;
    if (request.splits().isEmpty()) {
      int[] counts = downloadSplit(client, request.dataset(), Map.of(), out, progress);
      return counts;
    }
    for (Map.Entry<String, Map<String, Object>> split : request.splits().entrySet()) {
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("category", SPLIT_CATEGORIES.getOrDefault(split.getKey(), split.getKey()));
      split.getValue().forEach((name, value) -> filters.put(name, String.valueOf(value)));
      int[] counts = downloadSplit(client, request.dataset(), filters, out.resolve(safe(split.getKey())), progress);
      downloaded += counts[0];
      failed += counts[1];
    }
    return new int[] {downloaded, failed};
  }

  private static int[] downloadSplit(BackendClient client, long dataset, Map<String, String> filters, Path out, Progress progress)
      throws IOException {
    Path json = Files.createDirectories(out.resolve("json"));
    Path originals = Files.createDirectories(out.resolve("original_files"));
    List<GroundTruthEvent> events = new ArrayList<>();
    progress.report("fetch", 0, 1);
    long total = client.listGroundTruthEvents(dataset, filters, events::add);
    progress.report("fetch", 1, 1);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    int threads = Math.max(1, Math.min(MAX_THREADS, events.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "synapse-dataset-download");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (GroundTruthEvent event : events) {
        futures.add(pool.submit(() -> writeEvent(client, event, json, originals)));
      }
      int ok = 0;
      for (Future<Boolean> future : futures) {
        try {
          if (future.get()) {
            ok++;
          } else {
            failed.incrementAndGet();
          }
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw io;
          }
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IOException(cause);
        }
        progress.report("download", done.incrementAndGet(), Math.max(events.size(), 1));
      }
      if (events.isEmpty()) {
        progress.report("download", 1, 1);
      }
      return new int[] {ok, failed.get()};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading dataset " + dataset, e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean writeEvent(BackendClient client, GroundTruthEvent event, Path json, Path originals) throws IOException {
    Path primary = null;
    Map<String, Object> annotationFile = null;
    for (Map.Entry<String, FileRef> entry : event.files().entrySet()) {
      FileRef file = entry.getValue();
      String name = safe(file.name() != null ? file.name() : entry.getKey());
      boolean isAnnotation = entry.getKey().startsWith("data_meta") && name.toLowerCase(Locale.ROOT).endsWith(".json");
      if (isAnnotation) {
        Path temp = Files.createTempFile(json, ".meta", ".json");
        try {
          client.download(file.url(), temp);
          annotationFile = KitJson.readMap(temp);
        } catch (IOException | IllegalArgumentException e) {
          annotationFile = null;
        } finally {
          Files.deleteIfExists(temp);
        }
        continue;
      }
      Path target = originals.resolve(name);
      if (Files.exists(target)) {
        target = originals.resolve(event.id() + "_" + name);
      }
      client.download(file.url(), target);
      boolean image = "image".equals(file.fileType()) || name.toLowerCase(Locale.ROOT).matches(".*\\.(jpg|jpeg|png|gif|bmp|webp)$");
      if (image && (file.primary() || primary == null)) {
        primary = target;
      }
    }
    String stem = primary != null ? stem(primary.getFileName().toString()) : Long.toString(event.id());
    KitJson.writeAtomically(json.resolve(stem + ".json"), DmJson.build(event.data(), annotationFile));
    return primary != null;
  }

  /** How many items a DM v2 directory holds ({@code json/*.json}, per split when categorized). */
  static int countItems(Path dir, boolean categorized) throws IOException {
    List<Path> jsonDirs = new ArrayList<>();
    if (categorized) {
      try (var splits = Files.list(dir)) {
        splits.filter(Files::isDirectory).filter(split -> !split.getFileName().toString().startsWith("."))
            .forEach(split -> jsonDirs.add(split.resolve("json")));
      }
    } else {
      jsonDirs.add(dir.resolve("json"));
    }
    int count = 0;
    for (Path jsonDir : jsonDirs) {
      if (Files.isDirectory(jsonDir)) {
        try (var files = Files.list(jsonDir)) {
          count += (int) files.filter(file -> file.getFileName().toString().endsWith(".json")).count();
        }
      }
    }
    return count;
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }

  private static List<Path> children(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** A file or directory name from the platform, reduced to a safe last path element. */
  static String safe(String name) {
    return FileTrees.safeFileName(name, "file");
  }
}
