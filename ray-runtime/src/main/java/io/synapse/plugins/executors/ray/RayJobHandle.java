package io.synapse.plugins.executors.ray;

import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.executors.JobHandle;
import io.synapse.plugins.executors.JobStatus;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Ray Job as a {@link JobHandle}: its submission id, the executor that asks the dashboard, and the
 * descriptor that reads its result (null: the executor finds one, or the result stays its JSON value).
 *
 * @param <R> the action's result type
 */
public final class RayJobHandle<R> implements JobHandle<R> {
  private final RayJobExecutor executor;
  private final String id;
  private final ActionDescriptor<?, R> action;

  RayJobHandle(RayJobExecutor executor, String id, ActionDescriptor<?, R> action) {
    this.executor = executor;
    this.id = Objects.requireNonNull(id, "id");
    this.action = action;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public JobStatus status() {
    return executor.getStatus(id);
  }

  @Override
  public Map<String, PluginEvent.Progress> progress() {
    return executor.getProgress(id);
  }

  @Override
  public String logs() {
    return executor.getLogs(id);
  }

  /** Everything the dashboard says about the job. */
  public JobInfo info() {
    return executor.getInfo(id);
  }

  /** Streams the job's log as it grows to {@code consumer}, whole lines at a time ({@link RayJobExecutor#tailLogs}). */
  public CompletableFuture<Void> tailLogs(Consumer<String> consumer) {
    return executor.tailLogs(id, consumer);
  }

  @Override
  @SuppressWarnings("unchecked")
  public R await(Duration timeout) {
    return (R) executor.await(id, action, timeout);
  }

  @Override
  public boolean cancel() {
    return executor.stop(id);
  }

  @Override
  public String toString() {
    return "RayJobHandle[" + id + "]";
  }
}
