package io.synapse.plugins.context;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.internal.Languages;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What every run gives its action's {@link RuntimeContext}, whichever executor runs it: the
 * environment, the job id, the working directory, the language of its messages and where events go. One immutable value, defined
 * here once and shared by {@code RunOptions}, {@code LocalExecutor} and the Ray executors, whose builders
 * all extend {@link Builder}.
 *
 * @param env the environment the action sees ({@link RuntimeContext#env()}); never the process's own
 * @param jobId the job id for tracking ({@link RuntimeContext#jobId()}), or null
 * @param workingDir the run's working directory (absolute and normalised), or null for none: LOCAL runs use
 *     it in place, the Ray executors ship it to the cluster; the action sees it as
 *     {@link RuntimeContext#workingDir()} and relative {@code Path} params resolve against it
 * @param language the language of the action's messages ({@link RuntimeContext#language()}), an ISO 639-1
 *     code such as {@code ko}, or null for none (then the environment's {@code SYNAPSE_LANGUAGE}, else
 *     {@code en})
 * @param sink where the action's events go
 */
public record ContextSettings(PluginEnvironment env, String jobId, Path workingDir, String language, EventSink sink) {

  /** The error code of a job id that breaks {@link #checkJobId}'s rule. */
  public static final String INVALID_JOB_ID = "invalid_job_id";
  /** The longest job id. */
  public static final int MAX_JOB_ID_LENGTH = 128;

  /** Checks the parts (the job id by {@link #checkJobId}) and makes the working directory absolute. */
  public ContextSettings {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(sink, "sink");
    workingDir = workingDir == null ? null : workingDir.toAbsolutePath().normalize();
    language = Languages.check(language);
    checkJobId(jobId);
  }

  /**
   * {@code id} when it is a valid job id (or null): 1 to {@value #MAX_JOB_ID_LENGTH} letters, digits,
   * {@code .}, {@code _} and {@code -}, starting with a letter or digit. A JOB run's job id is its Ray
   * submission id, which appears in the dashboard's URLs and in file names, so the rule is the same in every
   * mode.
   *
   * @throws io.synapse.plugins.errors.PluginError {@value #INVALID_JOB_ID} naming what is wrong (never
   *     quoting more than the id's first characters)
   */
  public static String checkJobId(String id) {
    if (id == null) {
      return null;
    }
    String problem = id.isEmpty() ? "is empty"
        : id.length() > MAX_JOB_ID_LENGTH ? "is longer than " + MAX_JOB_ID_LENGTH + " characters (" + id.length() + ")"
        : !Patterns.JOB_ID.matcher(id).matches() ? "may hold only letters, digits, '.', '_' and '-', starting with a letter or digit"
        : null;
    if (problem == null) {
      return id;
    }
    String shown = id.length() > 40 ? id.substring(0, 40) + "..." : id;
    shown = shown.codePoints().collect(StringBuilder::new, (text, c) -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c),
        StringBuilder::append).toString();
    throw new io.synapse.plugins.errors.PluginError(INVALID_JOB_ID, "The job id '" + shown + "' " + problem,
        Map.of("job_id", shown, "max_length", MAX_JOB_ID_LENGTH));
  }

  /** No environment, no job id, no working directory, events to {@code sink}. */
  public static ContextSettings of(EventSink sink) {
    return new ContextSettings(PluginEnvironment.empty(), null, null, null, sink);
  }

  /** These settings with events going to {@code eventSink}. */
  public ContextSettings withSink(EventSink eventSink) {
    return new ContextSettings(env, jobId, workingDir, language, eventSink);
  }

  /**
   * The setters of {@link ContextSettings}, shared by the builders of every executor and of
   * {@code RunOptions}, so that each setting means the same everywhere.
   *
   * @param <B> the concrete builder, returned by every setter
   */
  public abstract static class Builder<B extends Builder<B>> {
    private PluginEnvironment env = PluginEnvironment.empty();
    private String jobId;
    private Path workingDir;
    private String language;
    private EventSink sink;

    /** A builder whose events go to {@code defaultSink} unless {@link #sink} says otherwise. */
    protected Builder(EventSink defaultSink) {
      this.sink = Objects.requireNonNull(defaultSink, "defaultSink");
    }

    /** This builder, typed as the concrete one. */
    protected abstract B self();

    /** Environment variables for the action (only these: the process environment is never forwarded). */
    public B env(Map<String, String> values) {
      this.env = PluginEnvironment.of(values);
      return self();
    }

    /** The environment for the action. */
    public B env(PluginEnvironment environment) {
      this.env = Objects.requireNonNull(environment, "env");
      return self();
    }

    /**
     * The run's job id, given to the action's context (null for none); a JOB run's Ray submission id, which
     * makes resubmitting it idempotent.
     *
     * @throws io.synapse.plugins.errors.PluginError {@value ContextSettings#INVALID_JOB_ID} when it breaks
     *     {@link ContextSettings#checkJobId}'s rule
     */
    public B jobId(String id) {
      this.jobId = checkJobId(id);
      return self();
    }

    /**
     * The run's working directory, a local directory (null for none). LOCAL runs use it in place; the Ray
     * executors ship it to the cluster as a package and run the action in their copy. The action sees it
     * as {@link RuntimeContext#workingDir()}, and relative {@code Path} params resolve against it.
     */
    public B workingDir(Path directory) {
      this.workingDir = directory;
      return self();
    }

    /**
     * The language of the action's messages, as the seeds' {@code language} option: what
     * {@link RuntimeContext#language()} answers and localized {@code logMessage}s are shown in
     * (default: none, so the environment's {@code SYNAPSE_LANGUAGE}, else {@code en}).
     *
     * @throws IllegalArgumentException when it is not a language code ({@code ko}, {@code pt-BR})
     */
    public B language(String code) {
      this.language = Languages.check(code);
      return self();
    }

    /** Where the action's events go. */
    public B sink(EventSink eventSink) {
      this.sink = Objects.requireNonNull(eventSink, "sink");
      return self();
    }

    /** Takes every setting of {@code settings}. */
    public B context(ContextSettings settings) {
      this.env = settings.env();
      this.jobId = settings.jobId();
      this.workingDir = settings.workingDir();
      this.language = settings.language();
      this.sink = settings.sink();
      return self();
    }

    /** The settings given so far. */
    public ContextSettings contextSettings() {
      return new ContextSettings(env, jobId, workingDir, language, sink);
    }
  }

  // Compiled when first used, not when the class loads: the cold-start path needs none of them.
  private static final class Patterns {
    static final java.util.regex.Pattern JOB_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Patterns() {}
  }
}
