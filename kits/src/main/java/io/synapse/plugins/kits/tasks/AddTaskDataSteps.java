package io.synapse.plugins.kits.tasks;

import io.synapse.plugins.kits.client.FileRef;
import io.synapse.plugins.kits.client.FileSpecification;
import io.synapse.plugins.kits.client.PluginRelease;
import io.synapse.plugins.kits.client.PluginRun;
import io.synapse.plugins.kits.client.Project;
import io.synapse.plugins.kits.client.Task;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The add-task-data kit's steps. */
final class AddTaskDataSteps {
  private AddTaskDataSteps() {}

  /** Loads the project's data collection. */
  static final class Initialize implements Step<AddTaskDataContext> {
    @Override
    public String name() {
      return "initialize";
    }

    @Override
    public StepResult execute(AddTaskDataContext context) {
      Project project = context.client().getProject(context.params().project());
      if (project.dataCollection() == null) {
        return StepResult.failure("project " + project.id() + " has no data collection");
      }
      context.collection = context.client().getDataCollection(project.dataCollection());
      return StepResult.ok(Map.of("data_collection", context.collection.id()));
    }

    @Override
    public void rollback(AddTaskDataContext context, StepResult result) {
      context.collection = null;
    }
  }

  /** FILE: checks the target specification; INFERENCE: reads the pre-processor release. */
  static final class Prepare implements Step<AddTaskDataContext> {
    private final double weight;

    Prepare(double weight) {
      this.weight = weight;
    }

    @Override
    public String name() {
      return "prepare";
    }

    @Override
    public double progressWeight() {
      return weight;
    }

    @Override
    public StepResult execute(AddTaskDataContext context) {
      if (context.params().method() == AddTaskDataMethod.FILE) {
        String target = context.params().targetSpecificationName();
        boolean known = context.collection.fileSpecifications().stream().map(FileSpecification::name).anyMatch(target::equals);
        if (!known) {
          return StepResult.failure("target specification '" + target + "' is not a file specification of data collection "
              + context.collection.id() + " (" + context.collection.fileSpecifications().stream().map(FileSpecification::name).toList() + ")");
        }
        return StepResult.ok(Map.of("target_specification_name", target));
      }
      PluginRelease release = context.client().getPluginRelease(context.params().preProcessor());
      if (release.code() == null || release.version() == null) {
        return StepResult.failure("pre-processor release " + release.id() + " has no plugin code or version");
      }
      context.preProcessor = release;
      return StepResult.ok(Map.of("code", release.code(), "version", release.version()));
    }

    @Override
    public void rollback(AddTaskDataContext context, StepResult result) {
      context.preProcessor = null;
    }
  }

  /** Lists the tasks to annotate. */
  static final class FetchTasks implements Step<AddTaskDataContext> {
    @Override
    public String name() {
      return "fetch_tasks";
    }

    @Override
    public StepResult execute(AddTaskDataContext context) {
      Map<String, String> filters = new LinkedHashMap<>();
      if (context.params().taskFilters() != null) {
        context.params().taskFilters().forEach((key, value) -> filters.put(key, String.valueOf(value)));
      }
      List<Long> ids = context.client().listTaskIds(context.params().project(), filters);
      if (ids.isEmpty()) {
        return StepResult.failure("no tasks found to annotate in project " + context.params().project());
      }
      context.taskIds.addAll(ids);
      return StepResult.ok(Map.of("tasks", ids.size()));
    }

    @Override
    public void rollback(AddTaskDataContext context, StepResult result) {
      context.taskIds.clear();
    }
  }

  /** Annotates each task, collecting per-task failures. */
  static final class AnnotateTaskData implements Step<AddTaskDataContext> {
    private final AddTaskDataAction action;
    private final double weight;

    AnnotateTaskData(AddTaskDataAction action, double weight) {
      this.action = action;
      this.weight = weight;
    }

    @Override
    public String name() {
      return "annotate_task_data";
    }

    @Override
    public double progressWeight() {
      return weight;
    }

    @Override
    public StepResult execute(AddTaskDataContext context) throws Exception {
      int total = context.taskIds.size();
      int index = 0;
      try {
        for (long taskId : context.taskIds) {
          index++;
          try {
            Task task = context.client().getTask(taskId);
            Map<String, Object> data = context.params().method() == AddTaskDataMethod.FILE ? fromFile(context, task) : fromInference(context, task);
            context.previousData.put(taskId, task.data());
            context.client().annotateTaskData(taskId, data, context.params().schema());
            context.success++;
            event(context, taskId, "success", index, total, null);
          } catch (InterruptedException e) {
            throw e;
          } catch (Exception e) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("task_id", taskId);
            failure.put("error", context.runtime().redactor().redact(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            context.failures.add(failure);
            event(context, taskId, "failed", index, total, String.valueOf(failure.get("error")));
          }
          context.setProgress(index, total);
          context.setMetrics(Map.of("success", context.success, "failed", context.failures.size(), "stand_by", total - index));
        }
      } finally {
        context.removeScratch();
      }
      return StepResult.ok(Map.of("success", context.success, "failed", context.failures.size()));
    }

    private Map<String, Object> fromFile(AddTaskDataContext context, Task task) throws Exception {
      Map<String, FileRef> files = files(task);
      TaskFile primary = primary(files);
      FileRef target = files.get(context.params().targetSpecificationName());
      if (target == null) {
        throw new IllegalArgumentException("the task's data unit has no '" + context.params().targetSpecificationName() + "' file");
      }
      return action.fromFile(primary, new TaskFile(target.url(), target.name(), context.params().targetSpecificationName()), task, context);
    }

    private Map<String, Object> fromInference(AddTaskDataContext context, Task task) throws Exception {
      Map<String, FileRef> files = files(task);
      TaskFile primary = primary(files);
      List<TaskFile> others = new ArrayList<>();
      files.forEach((spec, file) -> {
        if (!file.primary()) {
          others.add(new TaskFile(file.url(), file.name(), spec));
        }
      });
      PluginRun run = new PluginRun("inference", context.params().agent(), context.preProcessor.version(),
          action.inference(primary, others, task, context));
      Object answer = context.client().runPlugin(context.preProcessor.code(), run);
      if (answer == null || answer instanceof Map<?, ?> map && map.isEmpty() || answer instanceof List<?> list && list.isEmpty()) {
        throw new IllegalStateException("the pre-processor returned no inference result");
      }
      return action.fromInference(answer, task, context);
    }

    private static Map<String, FileRef> files(Task task) {
      if (task.dataUnit() == null || task.dataUnit().files().isEmpty()) {
        throw new IllegalArgumentException("the task has no data unit files");
      }
      return task.dataUnit().files();
    }

    private static TaskFile primary(Map<String, FileRef> files) {
      for (Map.Entry<String, FileRef> file : files.entrySet()) {
        if (file.getValue().primary()) {
          return new TaskFile(file.getValue().url(), file.getValue().name(), file.getKey());
        }
      }
      throw new IllegalArgumentException("the task's data unit has no primary file");
    }

    private static void event(AddTaskDataContext context, long taskId, String status, int index, int total, String error) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("task_id", taskId);
      data.put("status", status);
      data.put("method", context.params().method().name().toLowerCase(java.util.Locale.ROOT));
      data.put("index", index);
      data.put("total", total);
      if (error != null) {
        data.put("error", error);
      }
      context.log("annotate_task_data", data);
    }

    @Override
    public void rollback(AddTaskDataContext context, StepResult result) {
      for (Map.Entry<Long, Map<String, Object>> previous : context.previousData.entrySet()) {
        context.client().annotateTaskData(previous.getKey(), previous.getValue(), "any");
      }
      context.previousData.clear();
      context.success = 0;
      context.failures.clear();
    }
  }

  /** Reports the outcome. */
  static final class Finalize implements Step<AddTaskDataContext> {
    @Override
    public String name() {
      return "finalize";
    }

    @Override
    public double progressWeight() {
      return 0.5;
    }

    @Override
    public StepResult execute(AddTaskDataContext context) {
      String message = "add task data completed. success=" + context.success + ", failed=" + context.failures.size();
      context.logMessage(message);
      return StepResult.ok(Map.of("message", message));
    }
  }
}
