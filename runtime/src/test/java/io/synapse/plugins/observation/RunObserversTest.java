package io.synapse.plugins.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.fixture.GreetParams;
import io.synapse.plugins.fixture.TestPluginRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What observers hear of LOCAL runs, carried contexts and failures, and that a failing observer never fails a run. */
class RunObserversTest {
  private final Recording recording = new Recording();
  private final LocalExecutor executor = LocalExecutor.builder().jobId("job-3").sink(EventSink.discarding()).build();

  @AfterEach
  void unregister() {
    RunObservers.unregister(recording);
  }

  @Test
  void aLocalRunIsStartedFedItsEventsAndFinished() {
    RunObservers.register(recording);
    assertEquals("hello ada #job-3", executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams("ada", 2)));
    RunInfo info = recording.started.get(0);
    assertEquals(List.of("test_plugin", "greet", "LOCAL", "EXECUTOR", "job-3"),
        List.of(info.plugin(), info.action(), info.mode().name(), info.role().name(), info.jobId()));
    assertEquals(Map.of(), info.carried());
    assertEquals(Map.of("name", "ada", "times", 2), info.params().get());
    assertEquals(List.of(EventType.PROGRESS, EventType.PROGRESS, EventType.METRICS, EventType.LOG, EventType.MESSAGE),
        recording.events.stream().map(PluginEvent::type).toList());
    assertEquals(1, recording.finished.size());
    assertNull(recording.finished.get(0));
  }

  @Test
  void theRaisedErrorIsWhatTheObserverSees() {
    RunObservers.register(recording);
    ExecutionError error = assertThrows(ExecutionError.class,
        () -> executor.execute(TestPluginRegistry.FailDescriptor.INSTANCE, Map.of()));
    assertSame(error, recording.finished.get(0));
  }

  @Test
  void aWorkersRunContinuesTheCarriedContext() {
    RunObservers.register(recording);
    String result = RunObservers.continuing(ExecutionMode.TASK, Map.of("traceparent", "00-abc-def-01"),
        () -> executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams("bo", 1)));
    assertEquals("hello bo #job-3", result);
    assertEquals(ExecutionMode.TASK, recording.started.get(0).mode());
    assertEquals(Map.of("traceparent", "00-abc-def-01"), recording.started.get(0).carried());
    executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams("cy", 1));
    assertEquals(ExecutionMode.LOCAL, recording.started.get(1).mode(), "outside continuing, runs are LOCAL again");
  }

  @Test
  void aFailingObserverNeverFailsTheRun() {
    RunObserver broken = run -> {
      throw new IllegalStateException("observer bug");
    };
    RunObservers.register(broken);
    RunObservers.register(recording);
    try {
      assertEquals("hello ada #job-3", executor.execute(TestPluginRegistry.GreetDescriptor.INSTANCE, new GreetParams("ada", 1)));
      assertEquals(1, recording.finished.size(), "the other observers still hear the run");
    } finally {
      RunObservers.unregister(broken);
    }
  }

  @Test
  void withoutObserversNothingIsStarted() {
    assertTrue(!RunObservers.any());
    assertSame(RunScope.NONE, RunObservers.startDriving("p", "a", ExecutionMode.TASK, null, null, null));
    assertSame(StepScope.NONE, RunObservers.stepStarted("s"));
  }

  @Test
  void aDriversScopeIsNotCurrentAndPropagates() {
    RunObservers.register(recording);
    RunScope driving = RunObservers.startDriving("p", "a", ExecutionMode.JOB, "j", Map::of, null);
    assertEquals(RunInfo.Role.DRIVER, recording.started.get(0).role());
    Map<String, String> carrier = new java.util.HashMap<>();
    driving.propagate(carrier);
    assertEquals(Map.of("seen", "a"), carrier);
    assertSame(StepScope.NONE, RunObservers.stepStarted("s"), "no run executes on this thread");
    driving.finished(new IllegalStateException("remote failure"));
    assertInstanceOf(IllegalStateException.class, recording.finished.get(0));
  }

  /** Records what it hears. */
  static final class Recording implements RunObserver {
    final List<RunInfo> started = Collections.synchronizedList(new ArrayList<>());
    final List<PluginEvent> events = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> finished = Collections.synchronizedList(new ArrayList<>());

    @Override
    public RunScope runStarted(RunInfo run) {
      started.add(run);
      return new RunScope() {
        @Override
        public void event(PluginEvent event) {
          events.add(event);
        }

        @Override
        public void propagate(Map<String, String> carrier) {
          carrier.put("seen", run.action());
        }

        @Override
        public void finished(Throwable failure) {
          finished.add(failure);
        }
      };
    }
  }
}
