package io.synapse.plugins.kits.upload;

import io.synapse.plugins.kits.client.BackendError;
import io.synapse.plugins.kits.client.DataFile;
import io.synapse.plugins.kits.client.PresignedUpload;
import io.synapse.plugins.kits.internal.FileTrees;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Uploads an upload's files in this run. With {@link UploadRequest#usePresigned()} (the default) files go in batches of
 * {@link UploadRequest#uploadBatchSize()}: one request for the batch's presigned targets, the bytes PUT straight to
 * storage by {@link UploadRequest#uploadMaxWorkers()} threads (single PUTs or multipart parts, as the backend decides),
 * one confirmation for the batch. A PUT that failed in a way worth repeating (no answer, 5xx, 408, 425, 429, or a 4xx
 * without a storage error code, which is a proxy's refusal) is tried again up to {@link UploadRequest#uploadMaxRetries()}
 * times after a jittered backoff. Files the presigned path could not deliver, and every file when the backend offers
 * no presigned uploads, go through {@code data_files/} one request each (retried only when nothing was applied).
 */
final class FileUploads {
  /** How long presigned targets are asked to stay valid, in seconds. */
  static final int URL_EXPIRATION_SECONDS = 3600;
  private static final Pattern STORAGE_ERROR_CODE = Pattern.compile("<Code>[^<]+</Code>");

  private final UploadContext context;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final ExecutorService pool;

  private FileUploads(UploadContext context, int total) {
    this.context = context;
    this.total = total;
    this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(context.request().uploadMaxWorkers(), total)), r -> {
      Thread thread = new Thread(r, "synapse-upload");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Uploads {@code files} into {@code context.uploaded}; those that could not be uploaded are listed in {@code context.lost}. */
  static Map<String, Object> run(UploadContext context, List<Path> files) throws Exception {
    FileUploads uploads = new FileUploads(context, files.size());
    try {
      List<Path> rest = context.request().usePresigned() ? uploads.presigned(files) : files;
      uploads.oneByOne(rest);
    } finally {
      uploads.pool.shutdownNow();
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("uploaded", context.uploaded.size());
    summary.put("failed", uploads.failed.get());
    summary.put("presigned", uploads.presignedCount.get());
    return summary;
  }

  private final AtomicInteger presignedCount = new AtomicInteger();

  /** Uploads through presigned batches; returns the files left for the one-by-one path. */
  private List<Path> presigned(List<Path> files) throws Exception {
    List<Path> rest = new ArrayList<>();
    int batchSize = context.request().uploadBatchSize();
    for (int start = 0; start < files.size(); start += batchSize) {
      List<Path> batch = files.subList(start, Math.min(files.size(), start + batchSize));
      List<PresignedUpload.Target> targets;
      try {
        targets = context.client().requestPresignedUpload(infos(batch), URL_EXPIRATION_SECONDS);
      } catch (BackendError e) {
        context.log("presigned_upload_unavailable", Map.of("reason", e.kind().name().toLowerCase(java.util.Locale.ROOT),
            "status", e.status(), "files", files.size() - start));
        rest.addAll(files.subList(start, files.size()));
        return rest;
      }
      List<Future<PresignedUpload.Uploaded>> puts = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        Path file = batch.get(i);
        PresignedUpload.Target target = targets.get(i);
        puts.add(pool.submit(() -> put(file, target)));
      }
      Map<String, Path> byKey = new LinkedHashMap<>();
      List<PresignedUpload.Uploaded> uploaded = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        PresignedUpload.Uploaded result = await(puts.get(i));
        if (result == null) {
          rest.add(batch.get(i));
        } else {
          byKey.put(result.fileKey(), batch.get(i));
          uploaded.add(result);
        }
      }
      if (uploaded.isEmpty()) {
        continue;
      }
      List<PresignedUpload.Confirmed> confirmed;
      try {
        confirmed = context.client().confirmPresignedUpload(uploaded);
      } catch (BackendError e) {
        context.log("presigned_confirm_failed", Map.of("files", uploaded.size(), "reason", e.kind().name().toLowerCase(java.util.Locale.ROOT)));
        rest.addAll(byKey.values());
        continue;
      }
      for (PresignedUpload.Confirmed result : confirmed) {
        Path file = byKey.remove(result.fileKey());
        if (file == null) {
          continue;
        }
        if (result.success() && result.dataFileId() != null) {
          context.uploaded.put(file, new DataFile(result.dataFileId(), result.checksum(), null, null));
          presignedCount.incrementAndGet();
          advance(false);
        } else {
          rest.add(file);
        }
      }
      rest.addAll(byKey.values()); // confirmed without a result: never created
    }
    return rest;
  }

  private List<PresignedUpload.FileInfo> infos(List<Path> batch) throws IOException {
    List<PresignedUpload.FileInfo> infos = new ArrayList<>();
    for (Path file : batch) {
      String name = file.getFileName().toString();
      infos.add(new PresignedUpload.FileInfo(name, Files.size(file), URLConnection.guessContentTypeFromName(name)));
    }
    return infos;
  }

  /** PUTs one file to its target; null when it could not be delivered (the one-by-one path then takes it). */
  private PresignedUpload.Uploaded put(Path file, PresignedUpload.Target target) {
    try {
      long size = Files.size(file);
      String checksum = FileTrees.sha1(file);
      String type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
      if (target.presignedUrl() != null) {
        withRetries(() -> context.client().putPresigned(target.presignedUrl(), file, 0, size, type));
        return new PresignedUpload.Uploaded(target.fileKey(), checksum, size, null, List.of());
      }
      PresignedUpload.Multipart multipart = target.multipart();
      List<String> etags = new ArrayList<>();
      for (PresignedUpload.Part part : multipart.parts()) {
        long offset = (long) (part.partNumber() - 1) * multipart.partSize();
        if (offset >= size && size > 0) {
          break;
        }
        long length = Math.min(multipart.partSize(), size - offset);
        etags.add(withRetries(() -> context.client().putPresigned(part.presignedUrl(), file, offset, length, null)));
      }
      return new PresignedUpload.Uploaded(target.fileKey(), checksum, size, multipart.uploadId(), etags);
    } catch (BackendError | IOException e) {
      context.log("presigned_put_failed", Map.of("file", relative(file), "exception", e.getClass().getSimpleName(),
          "status", e instanceof BackendError b ? b.status() : 0));
      return null;
    }
  }

  private <T> T withRetries(Callable<T> put) throws IOException {
    int attempt = 0;
    while (true) {
      try {
        return put.call();
      } catch (BackendError e) {
        if (attempt >= context.request().uploadMaxRetries() || !worthRepeating(e)) {
          throw e;
        }
        sleep(ThreadLocalRandom.current().nextLong(1, 1 + (250L << Math.min(attempt, 5))), e);
        attempt++;
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Whether a failed PUT may succeed if sent again (the platform client's rule, see the class description). */
  static boolean worthRepeating(BackendError e) {
    int status = e.status();
    if (status <= 0) {
      return e.kind() == BackendError.Kind.CONNECTION || e.kind() == BackendError.Kind.TIMEOUT
          || e.kind() == BackendError.Kind.RESPONSE_INCOMPLETE;
    }
    if (status >= 500 || status == 408 || status == 425 || status == 429) {
      return true;
    }
    return status >= 400 && status < 500 && !STORAGE_ERROR_CODE.matcher(e.bodyExcerpt()).find();
  }

  /** The {@code data_files/} path, one request per file, in parallel. */
  private void oneByOne(List<Path> files) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (Path file : files) {
      futures.add(pool.submit(() -> {
        try {
          context.uploaded.put(file, uploadWithRetries(file));
          advance(false);
        } catch (RuntimeException e) {
          context.lost.add(relative(file));
          context.log("file_upload_failed", Map.of("file", relative(file), "exception", e.getClass().getName()));
          advance(true);
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      await(future);
    }
  }

  private DataFile uploadWithRetries(Path file) {
    int attempt = 0;
    while (true) {
      try {
        return context.client().createDataFile(file);
      } catch (BackendError e) {
        if (!e.retrySafe() || attempt >= context.request().uploadMaxRetries()) {
          throw e;
        }
        attempt++;
        sleep(Math.min(2000L, 100L << attempt), e);
      }
    }
  }

  private void advance(boolean lostOne) {
    if (lostOne) {
      failed.incrementAndGet();
    }
    int now = done.incrementAndGet();
    synchronized (context) {
      context.setProgress(now, total);
      context.setMetrics(Map.of("success", now - failed.get(), "failed", failed.get(), "stand_by", total - now));
    }
  }

  private String relative(Path file) {
    return context.workingDir.relativize(file).toString().replace('\\', '/');
  }

  private static void sleep(long millis, BackendError cause) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
