package io.synapse.plugins.observation;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.PluginEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The observers of this JVM and the calls the executors make to them: {@link #startExecuting} around every run
 * this JVM executes (the LOCAL executor, and so TASK actors and JOB entrypoints), {@link #startDriving} around a
 * driver's remote call, {@link #stepStarted} around each step of a workflow, and {@link #continuing} where a worker
 * runs a request that carries a driver's context. Observers are those listed for {@link ServiceLoader} on the
 * runtime's class path, plus those {@linkplain #register registered}. An observer that throws is logged once and
 * left out of that call; it never fails a run.
 */
public final class RunObservers {
  private static final List<RunObserver> DISCOVERED = discover();
  private static final List<RunObserver> REGISTERED = new CopyOnWriteArrayList<>();
  private static final ThreadLocal<Executing> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<Carried> INCOMING = new ThreadLocal<>();
  private static volatile List<RunObserver> all = DISCOVERED;

  private RunObservers() {}

  /** Adds {@code observer} for every later run of this JVM (in tests, and where no service file is wanted). */
  public static void register(RunObserver observer) {
    REGISTERED.add(Objects.requireNonNull(observer, "observer"));
    refresh();
  }

  /** Removes an observer given to {@link #register}. */
  public static void unregister(RunObserver observer) {
    REGISTERED.remove(observer);
    refresh();
  }

  /** Whether any observer is there (the executors skip all of this when none is). */
  public static boolean any() {
    return !all.isEmpty();
  }

  /**
   * A run this JVM executes starts on this thread: the observers' scopes, made current for {@link #stepStarted}
   * until {@link Executing#finished}. Its mode and carried context are those of an enclosing {@link #continuing}
   * (a worker's request), else LOCAL with none.
   */
  public static Executing startExecuting(String plugin, String action, String jobId, Supplier<Map<String, Object>> params,
      Set<String> secretValues) {
    List<RunObserver> observers = all;
    if (observers.isEmpty()) {
      return Executing.NONE;
    }
    Carried carried = INCOMING.get();
    INCOMING.remove(); // only the request's own run continues the driver's context, not runs it starts in turn
    RunInfo info = new RunInfo(plugin, action, carried == null ? ExecutionMode.LOCAL : carried.mode, RunInfo.Role.EXECUTOR,
        jobId, carried == null ? Map.of() : carried.context, params, secretValues);
    Executing run = new Executing(scopes(observers, info), CURRENT.get());
    CURRENT.set(run);
    return run;
  }

  /**
   * A driver hands a run to a cluster: the observers' scope, to {@linkplain RunScope#propagate propagate} into the
   * request and to finish (on any thread) when the remote run's outcome is known.
   */
  public static RunScope startDriving(String plugin, String action, ExecutionMode mode, String jobId,
      Supplier<Map<String, Object>> params, Set<String> secretValues) {
    List<RunObserver> observers = all;
    if (observers.isEmpty()) {
      return RunScope.NONE;
    }
    return scopes(observers, new RunInfo(plugin, action, mode, RunInfo.Role.DRIVER, jobId, Map.of(), params, secretValues));
  }

  /**
   * Runs {@code work} (a worker's run of one request) so that the run it executes continues {@code context}, the
   * carrier a driver's {@link RunScope#propagate} filled, in {@code mode}.
   */
  public static <T> T continuing(ExecutionMode mode, Map<String, String> context, Supplier<T> work) {
    Carried previous = INCOMING.get();
    INCOMING.set(new Carried(Objects.requireNonNull(mode, "mode"), context == null ? Map.of() : Map.copyOf(context)));
    try {
      return work.get();
    } finally {
      if (previous == null) {
        INCOMING.remove();
      } else {
        INCOMING.set(previous);
      }
    }
  }

  /**
   * Runs {@code work}, then finishes {@code scope} with what it raised (or with null when it returned): the one way
   * the executors wrap a driver's call.
   */
  public static <T> T finishing(RunScope scope, Supplier<T> work) {
    return finishedAfter(scope::finished, work);
  }

  private static <T> T finishedAfter(Consumer<Throwable> finish, Supplier<T> work) {
    Throwable raised = null;
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      raised = e;
      throw e;
    } finally {
      finish.accept(raised);
    }
  }

  /** A step of the run executing on this thread starts (nothing when no run is observed here). */
  public static StepScope stepStarted(String step) {
    Executing run = CURRENT.get();
    return run == null ? StepScope.NONE : run.stepStarted(step);
  }

  private static RunScope scopes(List<RunObserver> observers, RunInfo info) {
    List<RunScope> scopes = new ArrayList<>(observers.size());
    for (RunObserver observer : observers) {
      try {
        scopes.add(Objects.requireNonNull(observer.runStarted(info), "scope"));
      } catch (RuntimeException e) {
        failed(observer, e);
      }
    }
    return scopes.size() == 1 ? new Guarded(scopes.get(0)) : new Composite(scopes);
  }

  private static void refresh() {
    List<RunObserver> merged = new ArrayList<>(DISCOVERED);
    merged.addAll(REGISTERED);
    all = List.copyOf(merged);
  }

  private static List<RunObserver> discover() {
    List<RunObserver> found = new ArrayList<>();
    try {
      for (RunObserver observer : ServiceLoader.load(RunObserver.class, RunObservers.class.getClassLoader())) {
        found.add(observer);
      }
    } catch (ServiceConfigurationError e) {
      System.getLogger(RunObservers.class.getName()).log(System.Logger.Level.WARNING,
          "a run observer could not be loaded; runs are not observed by it: " + e.getMessage());
    }
    return List.copyOf(found);
  }

  private static void failed(Object observer, RuntimeException e) {
    System.getLogger(RunObservers.class.getName()).log(System.Logger.Level.WARNING,
        "run observer " + observer.getClass().getName() + " failed: " + e);
  }

  private record Carried(ExecutionMode mode, Map<String, String> context) {}

  /** A run this JVM executes, observed: its scope, current on its thread until it finishes. */
  public static final class Executing {
    static final Executing NONE = new Executing(RunScope.NONE, null);
    private final RunScope scope;
    private final Executing enclosing;

    private Executing(RunScope scope, Executing enclosing) {
      this.scope = scope;
      this.enclosing = enclosing;
    }

    /** {@code sink} as the run's sink: its events also reach the observers. */
    public EventSink sink(EventSink sink) {
      if (this == NONE) {
        return sink;
      }
      return new EventSink() {
        @Override
        public void accept(PluginEvent event) {
          scope.event(event);
          sink.accept(event);
        }

        @Override
        public void flush() {
          sink.flush();
        }
      };
    }

    StepScope stepStarted(String step) {
      return scope.stepStarted(step);
    }

    /** Runs {@code work} as this run, then {@linkplain #finished finishes} it with what it raised, or null. */
    public <T> T finishing(Supplier<T> work) {
      return finishedAfter(this::finished, work);
    }

    /** The run ended with {@code failure} (null when it returned): the scope ends and the enclosing run is current again. */
    public void finished(Throwable failure) {
      if (this == NONE) {
        return;
      }
      try {
        scope.finished(failure);
      } finally {
        if (enclosing == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(enclosing);
        }
      }
    }
  }

  /** One observer's scope, its failures logged instead of thrown. */
  private record Guarded(RunScope scope) implements RunScope {
    @Override
    public StepScope stepStarted(String step) {
      try {
        StepScope inner = scope.stepStarted(step);
        return failure -> {
          try {
            inner.finished(failure);
          } catch (RuntimeException e) {
            failed(scope, e);
          }
        };
      } catch (RuntimeException e) {
        failed(scope, e);
        return StepScope.NONE;
      }
    }

    @Override
    public void event(PluginEvent event) {
      try {
        scope.event(event);
      } catch (RuntimeException e) {
        failed(scope, e);
      }
    }

    @Override
    public void propagate(Map<String, String> carrier) {
      try {
        scope.propagate(carrier);
      } catch (RuntimeException e) {
        failed(scope, e);
      }
    }

    @Override
    public void finished(Throwable failure) {
      try {
        scope.finished(failure);
      } catch (RuntimeException e) {
        failed(scope, e);
      }
    }
  }

  /** The scopes of several observers, each guarded. */
  private static final class Composite implements RunScope {
    private final List<Guarded> scopes;

    Composite(List<RunScope> scopes) {
      this.scopes = scopes.stream().map(Guarded::new).toList();
    }

    @Override
    public StepScope stepStarted(String step) {
      List<StepScope> steps = scopes.stream().map(s -> s.stepStarted(step)).toList();
      return failure -> steps.forEach(s -> s.finished(failure));
    }

    @Override
    public void event(PluginEvent event) {
      scopes.forEach(s -> s.event(event));
    }

    @Override
    public void propagate(Map<String, String> carrier) {
      scopes.forEach(s -> s.propagate(carrier));
    }

    @Override
    public void finished(Throwable failure) {
      scopes.forEach(s -> s.finished(failure));
    }
  }
}
