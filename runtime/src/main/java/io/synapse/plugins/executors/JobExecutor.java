package io.synapse.plugins.executors;

import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Map;

/**
 * An executor that runs each action as a job: {@link #submit} returns at once with a {@link JobHandle},
 * {@link #attach} gives a handle back for a job id, and the blocking {@link Executor} methods submit and
 * await, so the generated facade's {@code MyPlugin.train(params, executor)} works with every executor.
 * Implemented by the JOB backend ({@code RayJobExecutor}).
 */
public interface JobExecutor extends Executor {

  /**
   * Submits {@code action} with params built in Java, checked first by the rules untyped params are bound by.
   *
   * @throws ValidationError listing every violated field (nothing is submitted)
   */
  <P extends Record, R> JobHandle<R> submit(ActionDescriptor<P, R> action, P params);

  /**
   * Submits {@code action} with untyped params, bound and checked first.
   *
   * @throws ValidationError listing every violated field (nothing is submitted)
   */
  <P extends Record, R> JobHandle<R> submit(ActionDescriptor<P, R> action, Map<String, ?> params);

  /**
   * Submits the action named {@code action} (its name, or its class's name) of the executor's plugin with
   * untyped params: the seeds' {@code submit("train", params)}.
   *
   * @throws ActionNotFoundError when the plugin has no such action, listing those it has
   * @throws io.synapse.plugins.errors.ConfigError when the executor was given no plugin
   */
  JobHandle<?> submit(String action, Map<String, ?> params);

  /** A handle on the job {@code id} whose result {@code action}'s descriptor reads. */
  <R> JobHandle<R> attach(String id, ActionDescriptor<?, R> action);
}
