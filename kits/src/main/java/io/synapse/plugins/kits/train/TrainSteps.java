package io.synapse.plugins.kits.train;

import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.ActionDescriptors;
import io.synapse.plugins.executors.Executor;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.kits.ModelDownloads;
import io.synapse.plugins.kits.client.ModelRecord;
import io.synapse.plugins.kits.dataset.DatasetConversion;
import io.synapse.plugins.kits.dataset.DatasetDownloader;
import io.synapse.plugins.kits.dataset.convert.DatasetFormat;
import io.synapse.plugins.kits.internal.FileTrees;
import io.synapse.plugins.kits.internal.KitPaths;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The train kit's steps. */
final class TrainSteps {
  private TrainSteps() {}

  /** Downloads the params' dataset (skipped without one). */
  static final class DatasetStep implements Step<TrainContext> {
    private final BaseTrainAction<?, ?> action;

    DatasetStep(BaseTrainAction<?, ?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "dataset";
    }

    @Override
    public double progressWeight() {
      return 2;
    }

    @Override
    public boolean canSkip(TrainContext context) {
      return action.params().dataset() == null;
    }

    @Override
    public StepResult execute(TrainContext context) throws Exception {
      TrainParams p = action.params();
      DatasetDownloader.Download download = DatasetDownloader.download(context.client(),
          new DatasetDownloader.Request(p.dataset(), p.splits(), null, KitPaths.cacheRoot(context.env())),
          (phase, current, total) -> {
            if (phase.equals("download")) {
              context.setProgress(current, total);
            }
          });
      context.datasetDir = download.path();
      context.categorized = download.categorized();
      context.dataPath = download.path();
      context.log("dataset_ready", Map.of("path", download.path().toString(), "count", download.count(), "from_cache", download.fromCache()));
      return StepResult.ok(Map.of("path", download.path().toString(), "count", download.count()),
          Map.of("created", download.created().stream().map(Path::toString).toList()));
    }

    @Override
    public void rollback(TrainContext context, StepResult result) throws Exception {
      deleteCreated(result);
      context.datasetDir = null;
      context.dataPath = null;
    }
  }

  /** Converts the download to the action's target format (skipped when it has none). */
  static final class ConvertStep implements Step<TrainContext> {
    private final BaseTrainAction<?, ?> action;

    ConvertStep(BaseTrainAction<?, ?> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "convert";
    }

    @Override
    public double progressWeight() {
      return 0.5;
    }

    @Override
    public boolean canSkip(TrainContext context) {
      return action.format() == null || context.datasetDir == null;
    }

    @Override
    public StepResult execute(TrainContext context) throws Exception {
      DatasetFormat target = DatasetConversion.format(action.format());
      context.setProgress(0, 1, "dataset");
      DatasetConversion.Outcome outcome = DatasetConversion.convert(context.datasetDir, DatasetFormat.DM_V2, target,
          context.categorized, null);
      context.setProgress(1, 1, "dataset");
      context.datasetDir = outcome.path();
      context.dataPath = outcome.configPath() != null ? outcome.configPath() : outcome.path();
      return StepResult.ok(Map.of("path", outcome.path().toString()),
          Map.of("created", outcome.created().stream().map(Path::toString).toList()));
    }

    @Override
    public void rollback(TrainContext context, StepResult result) throws Exception {
      deleteCreated(result);
    }
  }

  /** Runs the training, or the trials when there are several hyperparameter sets. */
  static final class TrainStep<P extends Record & TrainParams, R> implements Step<TrainContext> {
    private final BaseTrainAction<P, R> action;

    TrainStep(BaseTrainAction<P, R> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "train";
    }

    @Override
    public double progressWeight() {
      return 6;
    }

    @Override
    public StepResult execute(TrainContext context) throws Exception {
      List<Map<String, Object>> sets = action.params().hyperparameters();
      if (sets != null && sets.size() > 1) {
        return trials(context, sets);
      }
      Checkpoint checkpoint = null;
      if (action.params().checkpoint() != null) {
        ModelDownloads.LocalModel model = ModelDownloads.fetch(context.client(), action.params().checkpoint(),
            KitPaths.cacheRoot(context.env()));
        checkpoint = new Checkpoint(model.model().id(), model.model().name(),
            model.model().category() == null ? "base" : model.model().category(), model.path());
      }
      Path work = Files.createDirectories(KitPaths.cacheRoot(context.env()).resolve("train-runs"))
          .resolve(java.util.UUID.randomUUID().toString());
      Files.createDirectories(work);
      try {
        R result = action.runTrain(new TrainInput(context.dataPath, context.datasetDir, checkpoint, action.hyperparameters(), work, context));
        context.result = result;
        context.weights = result == null ? null : action.weightsOf(result);
      } catch (Exception | Error e) {
        FileTrees.deleteTree(work);
        throw e;
      }
      return StepResult.ok(Map.of("work_dir", work.toString()), Map.of("work_dir", work.toString()));
    }

    private StepResult trials(TrainContext context, List<Map<String, Object>> sets) throws Exception {
      @SuppressWarnings("unchecked")
      ActionDescriptor<P, R> descriptor = (ActionDescriptor<P, R>) ActionDescriptors.forClass(action.getClass());
      Map<String, Object> base = descriptor.writeParams(action.params());
      String key = base.containsKey("hyperparameters") ? "hyperparameters" : null;
      if (key == null) {
        throw new IllegalStateException("the params record of " + action.getClass().getName()
            + " has no hyperparameters component; trials need one");
      }
      Executor pool = action.trials();
      List<P> trialParams = new ArrayList<>();
      for (Map<String, Object> set : sets) {
        Map<String, Object> one = new LinkedHashMap<>(base);
        one.put(key, List.of(set));
        trialParams.add(descriptor.bindParams(one));
      }
      List<Object> outcomes = new ArrayList<>();
      context.setProgress(0, sets.size());
      if (pool != null) {
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(sets.size(), 16));
        try {
          List<CompletableFuture<Object>> futures = new ArrayList<>();
          for (P params : trialParams) {
            futures.add(CompletableFuture.supplyAsync(() -> runOne(pool, descriptor, params), threads));
          }
          int done = 0;
          for (CompletableFuture<Object> future : futures) {
            outcomes.add(future.join());
            context.setProgress(++done, sets.size());
          }
        } finally {
          threads.shutdownNow();
        }
      } else {
        for (int i = 0; i < trialParams.size(); i++) {
          LocalExecutor local = LocalExecutor.builder().env(context.env()).sink(EventSink.discarding())
              .jobId((context.runtime().jobId() == null ? "local" : context.runtime().jobId()) + "-trial-" + (i + 1)).build();
          outcomes.add(runOne(local, descriptor, trialParams.get(i)));
          context.setProgress(i + 1, sets.size());
        }
      }
      R best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      int bestIndex = -1;
      List<String> failures = new ArrayList<>();
      Map<String, Object> scores = new LinkedHashMap<>();
      for (int i = 0; i < outcomes.size(); i++) {
        Object outcome = outcomes.get(i);
        if (outcome instanceof RuntimeException failure) {
          failures.add("trial " + (i + 1) + ": " + failure.getClass().getSimpleName());
          continue;
        }
        @SuppressWarnings("unchecked")
        R result = (R) outcome;
        OptionalDouble score = action.scoreOf(result);
        scores.put("trial_" + (i + 1), score.isPresent() ? score.getAsDouble() : null);
        double value = score.isPresent() ? score.getAsDouble() : Double.NEGATIVE_INFINITY;
        if (best == null || value > bestScore) {
          best = result;
          bestScore = value;
          bestIndex = i;
        }
      }
      context.setMetrics(scores);
      if (best == null) {
        throw new IllegalStateException("every trial failed: " + String.join(", ", failures), (RuntimeException) outcomes.get(0));
      }
      context.result = best;
      context.trialsUploaded = true;
      context.log("trials_finished", Map.of("trials", sets.size(), "failed", failures.size(), "best_trial", bestIndex + 1));
      return StepResult.ok(Map.of("best_trial", bestIndex + 1, "failed_trials", failures));
    }

    private static <P extends Record, R> Object runOne(Executor executor, ActionDescriptor<P, R> descriptor, P params) {
      try {
        return executor.execute(descriptor, params);
      } catch (RuntimeException e) {
        return e;
      }
    }

    @Override
    public void rollback(TrainContext context, StepResult result) throws Exception {
      Object work = result.rollbackData().get("work_dir");
      if (work != null) {
        FileTrees.deleteTree(Path.of(String.valueOf(work)));
      }
      context.result = null;
      context.weights = null;
    }
  }

  /** Zips the weights and registers them as a model (skipped without weights, or when trials uploaded their own). */
  static final class ModelUploadStep<P extends Record & TrainParams, R> implements Step<TrainContext> {
    private final BaseTrainAction<P, R> action;

    ModelUploadStep(BaseTrainAction<P, R> action) {
      this.action = action;
    }

    @Override
    public String name() {
      return "model_upload";
    }

    @Override
    public boolean canSkip(TrainContext context) {
      return context.trialsUploaded || context.weights == null || !Files.exists(context.weights);
    }

    @Override
    public StepResult execute(TrainContext context) throws Exception {
      context.setProgress(0, 2);
      Path archive = Files.createTempFile("synapse-model", ".zip");
      try {
        FileTrees.zip(context.weights, archive);
        context.setProgress(1, 2);
        @SuppressWarnings("unchecked")
        R result = (R) context.result;
        ModelRecord model = context.client().createModel(action.modelOf(result), archive);
        context.model = model;
        context.setProgress(2, 2);
        context.logMessage("Model registered: " + model.id());
        return StepResult.ok(Map.of("model_id", model.id()), Map.of("model_id", model.id()));
      } finally {
        Files.deleteIfExists(archive);
      }
    }

    @Override
    public void rollback(TrainContext context, StepResult result) throws Exception {
      Object id = result.rollbackData().get("model_id");
      if (id != null) {
        context.client().deleteModel(((Number) id).longValue());
      }
      context.model = null;
    }
  }

  static void deleteCreated(StepResult result) throws java.io.IOException {
    FileTrees.deleteListed(result.rollbackData().get("created"));
  }
}
