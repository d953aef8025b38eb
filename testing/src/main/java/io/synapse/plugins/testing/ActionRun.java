package io.synapse.plugins.testing;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.errors.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * One finished run of an action: its result or error and every event it reported, with assertions whose
 * failure messages say what was expected, what happened, and list the run's events. Every {@code assert}
 * method returns this run, so assertions chain.
 *
 * @param <R> the action's result
 */
public final class ActionRun<R> {
  private final String plugin;
  private final String action;
  private final ExecutionMode mode;
  private final Map<String, String> env;
  private final String jobId;
  private final Path workingDir;
  private final R result;
  private final Throwable error;
  private final List<PluginEvent> events;
  private final Duration duration;

  ActionRun(String plugin, String action, ExecutionMode mode, Map<String, String> env, String jobId, Path workingDir, R result,
      Throwable error, List<PluginEvent> events, Duration duration) {
    this.plugin = plugin;
    this.action = action;
    this.mode = mode;
    this.env = env;
    this.jobId = jobId;
    this.workingDir = workingDir;
    this.result = result;
    this.error = error;
    this.events = List.copyOf(events);
    this.duration = duration;
  }

  /** Whether the action returned normally. */
  public boolean succeeded() {
    return error == null;
  }

  /**
   * The action's result.
   *
   * @throws AssertionFailedError when the run failed, with the error as the cause
   */
  public R result() {
    assertSucceeded();
    return result;
  }

  /** The error the run failed with, if it failed. */
  public Optional<Throwable> error() {
    return Optional.ofNullable(error);
  }

  /** Every event of the run, in order. */
  public List<PluginEvent> events() {
    return events;
  }

  /** The events of one type, in order. */
  public List<PluginEvent> events(EventType type) {
    return events.stream().filter(e -> e.type() == type).toList();
  }

  /** The latest progress reported in {@code category}, if any. */
  public Optional<PluginEvent.Progress> progress(String category) {
    PluginEvent.Progress latest = null;
    for (PluginEvent event : events(EventType.PROGRESS)) {
      if (category.equals(event.category())) {
        latest = event.progress();
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Every metric reported in {@code category}, later values winning. */
  public Map<String, Object> metrics(String category) {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (PluginEvent event : events(EventType.METRICS)) {
      if (category.equals(event.category())) {
        merged.putAll(event.data());
      }
    }
    return merged;
  }

  /** The environment the action was given (nothing else of the process's environment reaches it). */
  public Map<String, String> environment() {
    return env;
  }

  /** The job id the action was given, or null. */
  public String jobId() {
    return jobId;
  }

  /** The working directory the action was given, if any. */
  public Optional<Path> workingDir() {
    return Optional.ofNullable(workingDir);
  }

  /**
   * Fails unless the working directory holds every file or directory named by {@code relativePaths} (such as
   * {@code "out/report.json"}), listing what it does hold. For LOCAL runs, which write in the directory itself.
   */
  public ActionRun<R> assertWorkingDirContains(String... relativePaths) {
    if (workingDir == null) {
      throw failure("to run in a working directory, but none was given (ActionTester.workingDir)", null);
    }
    List<String> missing = Arrays.stream(relativePaths).filter(p -> !Files.exists(workingDir.resolve(p))).toList();
    if (!missing.isEmpty()) {
      throw failure("to leave " + missing + " in its working directory " + workingDir + ", but it holds " + listing(), null);
    }
    return this;
  }

  private List<String> listing() {
    try (Stream<Path> files = Files.walk(workingDir, 4)) {
      return files.filter(p -> !p.equals(workingDir)).map(p -> workingDir.relativize(p).toString().replace('\\', '/')).sorted()
          .limit(50).toList();
    } catch (IOException e) {
      return List.of("(unreadable: " + e.getMessage() + ")");
    }
  }

  /** The mode the action ran in. */
  public ExecutionMode mode() {
    return mode;
  }

  /** How long the run took, as the test saw it. */
  public Duration duration() {
    return duration;
  }

  /** Fails unless the action returned normally. */
  public ActionRun<R> assertSucceeded() {
    if (error != null) {
      throw failure("to succeed, but it failed with " + describe(error), error);
    }
    return this;
  }

  /** Fails unless the action returned normally with a result equal to {@code expected}. */
  public ActionRun<R> assertResult(R expected) {
    assertSucceeded();
    if (!Objects.equals(expected, result)) {
      throw new AssertionFailedError(header("to return " + expected + ", but it returned " + result), expected, result);
    }
    return this;
  }

  /**
   * Fails unless the run failed with an error of {@code type} (or a subtype).
   *
   * @return the error
   */
  public <E extends Throwable> E assertFailedWith(Class<E> type) {
    if (error == null) {
      throw failure("to fail with " + type.getSimpleName() + ", but it succeeded with " + result, null);
    }
    if (!type.isInstance(error)) {
      throw failure("to fail with " + type.getSimpleName() + ", but it failed with " + describe(error), error);
    }
    return type.cast(error);
  }

  /**
   * Fails unless the params were invalid with violations at exactly {@code paths} (in any order), e.g.
   * {@code assertInvalid("input", "size.width")}; the action never started.
   *
   * @return the error
   */
  public ValidationError assertInvalid(String... paths) {
    ValidationError invalid = assertFailedWith(ValidationError.class);
    TreeSet<String> expected = new TreeSet<>(Arrays.asList(paths));
    TreeSet<String> actual = new TreeSet<>(invalid.violations().stream().map(Violation::path).toList());
    if (!expected.equals(actual)) {
      throw new AssertionFailedError(header("to reject the params at " + expected + ", but the violations were at "
          + actual + ":\n" + invalid.getMessage()), expected, actual);
    }
    return invalid;
  }

  /** Fails unless the action's own progress (its name's category) reached 100%. */
  public ActionRun<R> assertProgressCompleted() {
    return assertProgressCompleted(action);
  }

  /** Fails unless progress in {@code category} reached 100%. */
  public ActionRun<R> assertProgressCompleted(String category) {
    Optional<PluginEvent.Progress> latest = progress(category);
    boolean reached = events(EventType.PROGRESS).stream()
        .anyMatch(e -> category.equals(e.category()) && e.progress().current() >= e.progress().total());
    if (!reached) {
      throw failure(latest.map(p -> "to report progress of '" + category + "' up to 100%, but it ended at "
              + String.format(java.util.Locale.ROOT, "%.1f%% (%d of %d)", p.percent(), p.current(), p.total()))
          .orElse("to report progress of '" + category + "' up to 100%, but it reported none in that category"), null);
    }
    return this;
  }

  /** Fails unless metric {@code name} was set in {@code category}, whatever its value. */
  public ActionRun<R> assertMetricSet(String category, String name) {
    if (!metrics(category).containsKey(name)) {
      throw failure("to set metric '" + name + "' in '" + category + "', but its metrics there were " + metrics(category), null);
    }
    return this;
  }

  /**
   * Fails unless metric {@code name} of {@code category} ended as {@code expected}; numbers compare by value
   * ({@code 3}, {@code 3L} and {@code 3.0} are equal), since metrics from a Ray worker arrive as JSON numbers.
   */
  public ActionRun<R> assertMetric(String category, String name, Object expected) {
    assertMetricSet(category, name);
    Object actual = metrics(category).get(name);
    if (!sameValue(expected, actual)) {
      throw new AssertionFailedError(header("to set metric '" + name + "' of '" + category + "' to " + expected
          + ", but it was " + actual) + transcript(), expected, actual);
    }
    return this;
  }

  /** Fails unless a log event named {@code event} was recorded. */
  public ActionRun<R> assertLogged(String event) {
    return assertLogged(event, Map.of());
  }

  /** Fails unless a log event named {@code event} was recorded whose data holds every entry of {@code data}. */
  public ActionRun<R> assertLogged(String event, Map<String, ?> data) {
    boolean found = events.stream().anyMatch(e -> (e.type() == EventType.LOG || e.type() == EventType.DEV_EVENT)
        && event.equals(e.name()) && data.entrySet().stream()
            .allMatch(entry -> e.data().containsKey(entry.getKey()) && sameValue(entry.getValue(), e.data().get(entry.getKey()))));
    if (!found) {
      throw failure("to log '" + event + "'" + (data.isEmpty() ? "" : " with " + data) + ", but it did not", null);
    }
    return this;
  }

  /** Fails unless a message event containing {@code text} was recorded. */
  public ActionRun<R> assertMessage(String text) {
    if (events(EventType.MESSAGE).stream().noneMatch(e -> e.message() != null && e.message().contains(text))) {
      throw failure("to show a message containing \"" + text + "\", but it did not", null);
    }
    return this;
  }

  /** Fails if any event was a warning or an error (an invalid progress call, a failed rollback, ...). */
  public ActionRun<R> assertNoWarnings() {
    List<PluginEvent> warnings = events.stream()
        .filter(e -> e.level().getSeverity() >= System.Logger.Level.WARNING.getSeverity()).toList();
    if (!warnings.isEmpty()) {
      throw failure("to report no warnings, but it reported " + warnings.size() + ": "
          + EventTranscript.line(warnings.get(0)), null);
    }
    return this;
  }

  @Override
  public String toString() {
    return "ActionRun[" + plugin + "/" + action + " " + mode + ", " + (error == null ? "result " + result : "failed: " + describe(error))
        + ", " + events.size() + " events]";
  }

  private AssertionFailedError failure(String expectation, Throwable cause) {
    return new AssertionFailedError(header(expectation) + transcript(), cause);
  }

  private String header(String expectation) {
    return "Expected action '" + action + "' of plugin '" + plugin + "' (" + mode + ") " + expectation;
  }

  private String transcript() {
    return "\nEvents of the run (" + events.size() + "):\n" + EventTranscript.of(events);
  }

  private static String describe(Throwable error) {
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  private static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof Number e && actual instanceof Number a) {
      try {
        return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
      } catch (NumberFormatException notFinite) {
        return e.toString().equals(a.toString());
      }
    }
    return Objects.equals(expected, actual);
  }
}
