package io.synapse.benchmarks;

import io.synapse.benchmarks.baseline.ReflectiveRunner;
import io.synapse.benchmarks.plugin.NoopAction;
import io.synapse.benchmarks.plugin.NoopAction_Descriptor;
import io.synapse.benchmarks.plugin.ProcessParams;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.RunOptions;
import io.synapse.plugins.action.ActionAccess;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 3: a warm {@code PluginRunner.runPlugin} LOCAL of a no-op action with the tutorial's params,
 * end to end, against the reflective baseline runner doing the same steps, and against calling the
 * action directly (params already bound, context already built: the floor). Events are discarded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RunBenchmark {
  private static final String PLUGIN_PACKAGE = "io.synapse.benchmarks.plugin";

  private Map<String, Object> params;
  private RunOptions options;
  private ProcessParams bound;
  private RuntimeContext context;
  private LocalExecutor executor;
  private ActionDescriptor<ProcessParams, String> noop;

  /** Builds the inputs and warms both runners' caches (discovery is not what this figure measures). */
  @Setup
  public void setUp() throws Exception {
    params = Fixtures.tutorial();
    options = RunOptions.builder().sink(EventSink.discarding()).build();
    bound = new ProcessParams("/data/input.csv", "/data/output.csv", 64, false);
    context = RuntimeContext.builder("noop").pluginCode("bench_plugin").sink(EventSink.discarding()).build();
    executor = LocalExecutor.builder().sink(EventSink.discarding()).build();
    noop = NoopAction_Descriptor.INSTANCE;
    Object ours = synapse();
    Object theirs = reflective();
    Object floor = direct();
    if (!ours.equals(theirs) || !ours.equals(floor) || !ours.equals(reusedExecutor())) {
      throw new IllegalStateException("runners disagree: " + ours + ", " + theirs + ", " + floor);
    }
  }

  /** {@code PluginRunner.runPlugin} by plugin code, LOCAL. */
  @Benchmark
  public Object synapse() {
    return PluginRunner.runPlugin("bench_plugin", "noop", params, ExecutionMode.LOCAL, options);
  }

  /** {@code PluginRunner.runPlugin} of the tutorial's process action (100 progress events, metrics), LOCAL. */
  @Benchmark
  public Object synapseProcess() {
    return PluginRunner.runPlugin("bench_plugin", "process", params, ExecutionMode.LOCAL, options);
  }

  /** The reflective baseline runner. */
  @Benchmark
  public Object reflective() throws Exception {
    return ReflectiveRunner.run(PLUGIN_PACKAGE, "noop", params, EventSink.discarding());
  }

  /**
   * Diagnostic, not a figure: the same run through one {@link LocalExecutor} built once, showing what
   * building an executor per {@code runPlugin} call costs.
   */
  @Benchmark
  public Object reusedExecutor() {
    return executor.execute(noop, params);
  }

  /** The floor: a new action given bound params and a built context, executed. */
  @Benchmark
  public Object direct() {
    NoopAction action = new NoopAction();
    ActionAccess.initialize(action, bound, context);
    return action.execute();
  }
}
