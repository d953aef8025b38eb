package io.synapse.plugins.kits.tasks;

/** Where an {@link AddTaskDataAction} takes each task's data from. */
public enum AddTaskDataMethod {
  /** From a file of the task's data unit (the target specification). */
  FILE,
  /** From a pre-processor plugin's {@code inference} action. */
  INFERENCE
}
