package io.synapse.plugins.kits.tasks;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.kits.KitAction;
import io.synapse.plugins.kits.client.Task;
import io.synapse.plugins.kits.internal.ParamChecks;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.Steps;
import java.util.List;
import java.util.Map;

/**
 * The add-task-data kit (the platform's {@code to_task}): annotates a project's tasks before people
 * do. Steps: {@code initialize} (the project's data collection), {@code prepare} (FILE: the target
 * specification exists; INFERENCE: the pre-processor release), {@code fetch_tasks},
 * {@code annotate_task_data} (each task's data from {@link #convertDataFromFile} or, after the
 * pre-processor's {@code inference} action ran through the backend, {@link #convertDataFromInference},
 * then submitted; a task that fails is listed in the result and the others go on; progress per task
 * with {@code success}, {@code failed} and {@code stand_by} metrics) and {@code finalize}. When a step
 * after the annotation fails, the annotated tasks get their previous data back.
 */
public abstract class AddTaskDataAction extends KitAction<AddTaskDataParams, AddTaskDataContext, AddTaskDataResult> {

  /** For subclasses. */
  protected AddTaskDataAction() {}

  /**
   * A task's data from its files (FILE): {@code primary} is the data unit's primary file,
   * {@code dataFile} the target specification's; fetch bytes with {@link AddTaskDataContext#fetch}.
   *
   * @throws UnsupportedOperationException unless overridden
   */
  protected Map<String, Object> convertDataFromFile(TaskFile primary, TaskFile dataFile, Task task, AddTaskDataContext context)
      throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not override convertDataFromFile for the file method");
  }

  /**
   * A task's data from the pre-processor's answer (INFERENCE).
   *
   * @throws UnsupportedOperationException unless overridden
   */
  protected Map<String, Object> convertDataFromInference(Object inference, Task task, AddTaskDataContext context) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not override convertDataFromInference for the inference method");
  }

  /**
   * The params of the pre-processor's {@code inference} action for a task (INFERENCE): by default the
   * primary file's {@code url} and {@code name}, the {@code model} and the run's {@code pre_processor_params}.
   */
  protected Map<String, Object> inferenceParams(TaskFile primary, List<TaskFile> dataFiles, Task task, AddTaskDataContext context) {
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    if (context.params().preProcessorParams() != null) {
      params.putAll(context.params().preProcessorParams());
    }
    params.put("model", context.params().model());
    params.put("url", primary.url());
    if (primary.name() != null) {
      params.put("name", primary.name());
    }
    return params;
  }

  @Override
  protected void registerSteps(StepRegistry<AddTaskDataContext> steps) {
    boolean file = params().method() == AddTaskDataMethod.FILE;
    steps.register(Steps.logged(new AddTaskDataSteps.Initialize()))
        .register(Steps.logged(new AddTaskDataSteps.Prepare(file ? 0.5 : 2)))
        .register(Steps.logged(new AddTaskDataSteps.FetchTasks()))
        .register(Steps.logged(new AddTaskDataSteps.AnnotateTaskData(this, file ? 7 : 6)))
        .register(Steps.logged(new AddTaskDataSteps.Finalize()));
  }

  @Override
  protected AddTaskDataContext createContext(RuntimeContext runtime) {
    AddTaskDataParams p = params();
    ParamChecks checks = ParamChecks.of(runtime.actionName());
    if (p.method() == AddTaskDataMethod.FILE) {
      checks.require(p.targetSpecificationName() != null && !p.targetSpecificationName().isBlank(), "target_specification_name",
          "is required for the file method", "Required");
    } else {
      checks.require(p.preProcessor() != null, "pre_processor", "is required for the inference method", "Required")
          .require(p.model() != null, "model", "is required for the inference method", "Required")
          .require(p.agent() != null, "agent", "is required for the inference method", "Required");
    }
    checks.throwIfAny();
    return new AddTaskDataContext(runtime, client(), p);
  }

  @Override
  protected AddTaskDataResult result(AddTaskDataContext context) {
    int failed = context.failures.size();
    return new AddTaskDataResult("SUCCEEDED", "add task data completed. success=" + context.success + ", failed=" + failed,
        context.taskIds.size(), context.success, failed, List.copyOf(context.failures));
  }

  Map<String, Object> fromFile(TaskFile primary, TaskFile dataFile, Task task, AddTaskDataContext context) throws Exception {
    return convertDataFromFile(primary, dataFile, task, context);
  }

  Map<String, Object> fromInference(Object inference, Task task, AddTaskDataContext context) throws Exception {
    return convertDataFromInference(inference, task, context);
  }

  Map<String, Object> inference(TaskFile primary, List<TaskFile> dataFiles, Task task, AddTaskDataContext context) {
    return inferenceParams(primary, dataFiles, task, context);
  }
}
