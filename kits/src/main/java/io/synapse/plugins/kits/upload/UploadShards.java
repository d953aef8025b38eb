package io.synapse.plugins.kits.upload;

import io.synapse.plugins.executors.ActionDescriptors;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.kits.results.UploadResult;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.steps.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fanned-out upload: the valid groups split into shards, each a run of the same action restricted
 * to its stems ({@code shard}) on the action's shard executor, in parallel, with one progress count
 * (files uploaded by the shards done so far, of all files).
 */
final class UploadShards {
  private UploadShards() {}

  static <P extends Record & UploadRequest> StepResult fanOut(BaseUploadAction<?> uploader, Executor executor, UploadContext context)
      throws Exception {
    @SuppressWarnings("unchecked")
    BaseUploadAction<P> action = (BaseUploadAction<P>) uploader;
    @SuppressWarnings("unchecked")
    ActionDescriptor<P, UploadResult> descriptor = (ActionDescriptor<P, UploadResult>) ActionDescriptors.forClass(action.getClass());
    Map<String, Object> base = descriptor.writeParams(action.params());
    if (!base.containsKey("shard")) {
      throw new IllegalStateException("the params record of " + action.getClass().getName() + " has no shard component; fanning out needs one");
    }
    int count = Math.min(action.shardTotal(), context.groups.size());
    List<List<String>> stems = new ArrayList<>();
    int[] sizes = new int[count];
    for (int i = 0; i < count; i++) {
      stems.add(new ArrayList<>());
    }
    int total = 0;
    for (int i = 0; i < context.groups.size(); i++) {
      UploadContext.FileGroup group = context.groups.get(i);
      stems.get(i % count).add(group.stem());
      sizes[i % count] += group.files().size();
      total += group.files().size();
    }
    AtomicInteger done = new AtomicInteger();
    int files = total;
    context.setProgress(0, files);
    ExecutorService threads = Executors.newFixedThreadPool(count);
    List<CompletableFuture<Object>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Map<String, Object> params = new LinkedHashMap<>(base);
        params.put("shard", stems.get(i));
        P shardParams = descriptor.bindParams(params);
        int size = sizes[i];
        futures.add(CompletableFuture.supplyAsync(() -> {
          Object outcome;
          try {
            UploadResult result = executor.execute(descriptor, shardParams);
            record(context, result);
            outcome = result;
          } catch (RuntimeException e) {
            outcome = e;
          }
          synchronized (context) {
            context.setProgress(done.addAndGet(size), files);
          }
          return outcome;
        }, threads));
      }
      List<String> failures = new ArrayList<>();
      RuntimeException first = null;
      for (CompletableFuture<Object> future : futures) {
        if (future.join() instanceof RuntimeException failure) {
          failures.add(failure.getClass().getSimpleName());
          first = first == null ? failure : first;
        }
      }
      context.sharded = true;
      if (first != null) {
        throw new IllegalStateException(failures.size() + " of " + count + " upload shards failed", first);
      }
    } finally {
      threads.shutdownNow();
    }
    context.log("upload_shards_finished", Map.of("shards", count, "uploaded", context.shardUploaded, "data_units", context.shardUnitIds.size()));
    return StepResult.ok(Map.of("shards", count, "uploaded", context.shardUploaded));
  }

  private static synchronized void record(UploadContext context, UploadResult result) {
    context.shardUploaded += result.uploadedCount();
    context.shardUnitIds.addAll(result.dataUnitIds());
    context.shardFileIds.addAll(result.dataFileIds());
    context.lost.addAll(result.lostFiles());
  }

  /** Deletes what the finished shards created (a shard that failed rolled itself back). */
  static void rollBack(UploadContext context) {
    List<Long> units = new ArrayList<>(context.shardUnitIds);
    for (long id : units) {
      context.client().deleteDataUnit(id);
    }
    int kept = 0;
    for (long id : new ArrayList<>(context.shardFileIds)) {
      if (!context.client().deleteDataFile(id)) {
        kept++;
      }
    }
    if (kept > 0) {
      context.log("data_files_kept", Map.of("count", kept, "reason", "the backend cannot delete uploaded files"));
    }
    context.shardUnitIds.clear();
    context.shardFileIds.clear();
    context.shardUploaded = 0;
  }
}
