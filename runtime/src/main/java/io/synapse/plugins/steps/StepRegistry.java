package io.synapse.plugins.steps;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.names.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered steps of a workflow. Names are unique: registering a second step of the same name is a
 * {@link ConfigError} naming both steps, raised at once rather than when the workflow runs.
 *
 * @param <C> the context the steps share
 */
public final class StepRegistry<C extends StepContext> {
  private final List<Step<C>> steps = new ArrayList<>();

  /** An empty registry. */
  public StepRegistry() {}

  /**
   * Appends {@code step}.
   *
   * @throws ConfigError when its name is taken, blank, or its weight is not a positive finite number
   */
  public synchronized StepRegistry<C> register(Step<C> step) {
    checkNew(step);
    steps.add(step);
    return this;
  }

  /**
   * Inserts {@code step} just before step {@code existing}.
   *
   * @throws ConfigError when {@code existing} is not registered, or as {@link #register}
   */
  public synchronized StepRegistry<C> insertBefore(String existing, Step<C> step) {
    int index = indexOfExisting(existing);
    checkNew(step);
    steps.add(index, step);
    return this;
  }

  /**
   * Inserts {@code step} just after step {@code existing}.
   *
   * @throws ConfigError when {@code existing} is not registered, or as {@link #register}
   */
  public synchronized StepRegistry<C> insertAfter(String existing, Step<C> step) {
    int index = indexOfExisting(existing);
    checkNew(step);
    steps.add(index + 1, step);
    return this;
  }

  /** Removes step {@code name}; returns whether it was registered. */
  public synchronized boolean unregister(String name) {
    int index = indexOf(name);
    if (index < 0) {
      return false;
    }
    steps.remove(index);
    return true;
  }

  /** Whether a step named {@code name} is registered. */
  public synchronized boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  /** The steps, in order (a snapshot). */
  public synchronized List<Step<C>> steps() {
    return List.copyOf(steps);
  }

  /** The step names, in order. */
  public synchronized List<String> names() {
    return steps.stream().map(Step::name).toList();
  }

  /** How many steps are registered. */
  public synchronized int size() {
    return steps.size();
  }

  private void checkNew(Step<C> step) {
    Objects.requireNonNull(step, "step");
    String name = step.name();
    if (name == null || name.isBlank()) {
      throw new ConfigError("Step " + step.getClass().getName() + " has no name", Map.of("step_class", step.getClass().getName()));
    }
    double weight = step.progressWeight();
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new ConfigError("Step '" + name + "' has progress weight " + weight + "; it must be a positive finite number",
          Map.of("step", name, "progress_weight", weight));
    }
    int existing = indexOf(name);
    if (existing >= 0) {
      Step<C> other = steps.get(existing);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("step", name);
      details.put("registered_class", other.getClass().getName());
      details.put("registered_position", existing);
      details.put("new_class", step.getClass().getName());
      throw new ConfigError("Duplicate step name '" + name + "': already registered by " + other.getClass().getName()
          + " at position " + existing + ", cannot also register " + step.getClass().getName(), details);
    }
  }

  private int indexOfExisting(String name) {
    int index = indexOf(name);
    if (index < 0) {
      List<String> names = names();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("step", String.valueOf(name));
      details.put("available", names);
      String suggestion = Suggestions.closest(name, names).orElse(null);
      if (suggestion != null) {
        details.put("suggestion", suggestion);
      }
      throw new ConfigError("No step named '" + name + "' is registered"
          + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
          + " Registered steps: " + (names.isEmpty() ? "(none)" : String.join(", ", names)), details);
    }
    return index;
  }

  private int indexOf(String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
