package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.kits.client.Task;
import io.synapse.plugins.kits.internal.KitJson;
import io.synapse.plugins.kits.tasks.AddTaskDataAction;
import io.synapse.plugins.kits.tasks.AddTaskDataContext;
import io.synapse.plugins.kits.tasks.TaskFile;
import io.synapse.plugins.steps.StepRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Task data from the target file's JSON, or from the pre-processor's detections. */
@PluginAction(name = "add-task-data", method = RunMethod.TASK)
public final class AddTaskData extends AddTaskDataAction {
  @Override
  protected Map<String, Object> convertDataFromFile(TaskFile primary, TaskFile dataFile, Task task, AddTaskDataContext context)
      throws Exception {
    Map<String, Object> data = new LinkedHashMap<>(KitJson.readMap(context.fetch(dataFile)));
    data.put("primary", primary.name());
    return data;
  }

  @Override
  protected Map<String, Object> convertDataFromInference(Object inference, Task task, AddTaskDataContext context) {
    return Map.of("annotations", inference);
  }

  @Override
  protected void registerSteps(StepRegistry<AddTaskDataContext> steps) {
    super.registerSteps(steps);
    Faults.inject(steps, ctx().env());
  }
}
