package io.synapse.plugins.executors;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.action.ActionAccess;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.context.CancellationToken;
import io.synapse.plugins.events.ConsoleSink;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.internal.Languages;
import io.synapse.plugins.observation.RunObservers;
import io.synapse.plugins.secrets.RedactedException;
import io.synapse.plugins.context.PipelineContext;
import io.synapse.plugins.spi.ActionDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs actions in the calling thread: the LOCAL backend. Instant start, no isolation, easy to debug
 * (a breakpoint in the action just works). Immutable and thread-safe: each run gets its own action
 * instance and context. Its settings ({@link ContextSettings}: environment, job id, working directory,
 * sink) are the same block {@code RunOptions} and the Ray executors take.
 *
 * <p>Params are always checked before the action starts: untyped params are bound by the action's
 * generated binder, and a record built in Java is written and bound back through the same binder
 * ({@link ActionDescriptor#validateParams}), so both give the same violations; an
 * {@link ExecutionRequest} holds params validated already. With a working directory, the action runs
 * with it as {@link RuntimeContext#workingDir()} and every relative {@code Path} in its params resolved
 * against it.
 *
 * <p>Each run hides its secrets (the values of {@code @Secret} params, from
 * {@link ActionDescriptor#secretValues}, and of the environment's secret-looking entries) in every
 * event and in the message of the {@link ExecutionError} it raises, and flushes the sink when it ends.
 * When the action's exception (or one of its causes or suppressed exceptions) quotes a secret, the
 * error's cause is a redacted copy ({@link RedactedException}: same class name and stack trace, the
 * secret masked) rather than the original; the same holds for the cause of a {@link StepError}.
 *
 * <p>What an action throws becomes an {@link ExecutionError}, errors included: a
 * {@link StackOverflowError} or {@link OutOfMemoryError} too (details {@code reason}
 * {@code stack_overflow} or {@code out_of_memory}), since by the time it reaches the executor the
 * run's frames, and what they allocated, are gone. Other {@link VirtualMachineError}s (the JVM itself
 * is broken: {@link InternalError}, {@link UnknownError}) are rethrown, as an {@code InternalError} or
 * {@code UnknownError} with the secrets masked when the original quotes one. Run the JVM with
 * {@code -XX:+ExitOnOutOfMemoryError} to make running out of memory end the process instead.
 */
public final class LocalExecutor implements Executor {
  private static final EventSink DEFAULT_SINK = ConsoleSink.standard();
  private static final LocalExecutor SHARED = builder().build();

  private final PluginEnvironment env;
  private final String jobId;
  private final Path workingDir;
  private final String language;
  private final EventSink sink;
  private final List<String> secretNameWords;
  // The environment's part of every run's redactor, built once: most runs add no @Secret value to it.
  private final Redactor environmentRedactor;

  private LocalExecutor(ContextSettings settings, List<String> secretNameWords, Redactor environmentRedactor) {
    this.env = settings.env();
    this.jobId = settings.jobId();
    this.workingDir = settings.workingDir();
    this.language = settings.language();
    this.sink = settings.sink();
    this.secretNameWords = secretNameWords;
    this.environmentRedactor = environmentRedactor != null ? environmentRedactor
        : Redactor.builder().secretNameWords(secretNameWords).environment(env).build();
  }

  /** The default executor: empty environment, no job id, events printed by {@link ConsoleSink#standard()}. */
  public static LocalExecutor shared() {
    return SHARED;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ExecutionMode mode() {
    return ExecutionMode.LOCAL;
  }

  /** The settings of this executor: environment, job id, working directory, language, sink. */
  public ContextSettings settings() {
    return new ContextSettings(env, jobId, workingDir, language, sink);
  }

  /** An executor like this one whose events go to {@code eventSink} (sharing this one's redactor). */
  public LocalExecutor withSink(EventSink eventSink) {
    return new LocalExecutor(settings().withSink(eventSink), secretNameWords, environmentRedactor);
  }

  /**
   * Runs {@code action} with params built in Java, checked first by the rules untyped params are bound by.
   *
   * @throws io.synapse.plugins.errors.ValidationError listing every violated field; the action does not start
   * @throws ExecutionError when the action fails
   */
  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, P params) {
    return start(action, action.bindParams(action.writeParams(Objects.requireNonNull(params, "params")), workingDir));
  }

  /**
   * Binds {@code params} (a JSON-like map), then runs {@code action}.
   *
   * @throws io.synapse.plugins.errors.ValidationError listing every violated field; the action does not start
   * @throws ExecutionError when the action fails
   */
  @Override
  public <P extends Record, R> R execute(ActionDescriptor<P, R> action, Map<String, ?> params) {
    return start(action, action.bindParams(params, workingDir));
  }

  /**
   * Runs a request whose params are validated already (what {@code PluginRunner} hands over).
   *
   * @throws ExecutionError when the action fails
   */
  public <P extends Record, R> R run(ExecutionRequest<P, R> request) {
    return run(request, CancellationToken.never());
  }

  /**
   * Runs a request whose params are validated already, stopped when {@code token} is cancelled: the action
   * sees {@code ctx().isCancelled()} and its thread (this one) is interrupted; it then ends with a
   * {@link CancelledError} (a step workflow after rolling back).
   *
   * @throws ExecutionError when the action fails
   * @throws CancelledError when the token was cancelled before the action finished
   */
  public <P extends Record, R> R run(ExecutionRequest<P, R> request, CancellationToken token) {
    ActionDescriptor<P, R> action = request.action();
    P params = request.params();
    // Relative paths resolve against the directory the action runs in, which only this executor knows.
    return start(action, workingDir == null ? params : action.bindParams(action.writeParams(params), workingDir), token);
  }

  /**
   * Starts {@code action} with params built in Java (checked here first, by the rules untyped params are
   * bound by) in a thread of its own, and returns its future at once. {@code cancel(true)} on the future
   * reaches the action: {@code ctx().isCancelled()} turns true and its thread is interrupted, and a step
   * workflow rolls back the steps that ran; {@link CancellableFuture#stopped()} tells when it has. A JVM
   * cannot stop a thread that ignores both: such an action runs on, detached from its future.
   *
   * @throws io.synapse.plugins.errors.ValidationError listing every violated field; nothing starts
   */
  public <P extends Record, R> CancellableFuture<R> submit(ActionDescriptor<P, R> action, P params) {
    P bound = action.bindParams(action.writeParams(Objects.requireNonNull(params, "params")), workingDir);
    return submitBound(action, bound);
  }

  /** Like {@link #submit(ActionDescriptor, Record)} with untyped params, bound here first. */
  public <P extends Record, R> CancellableFuture<R> submit(ActionDescriptor<P, R> action, Map<String, ?> params) {
    return submitBound(action, action.bindParams(params, workingDir));
  }

  private <P extends Record, R> CancellableFuture<R> submitBound(ActionDescriptor<P, R> action, P params) {
    CancellationToken token = new CancellationToken();
    CancellableFuture<R> future = new CancellableFuture<>(token);
    Runs.POOL.execute(() -> {
      try {
        future.complete(start(action, params, token));
      } catch (Throwable e) {
        future.completeExceptionally(e);
      } finally {
        future.runEnded();
      }
    });
    return future;
  }

  private <P extends Record, R> R start(ActionDescriptor<P, R> action, P params) {
    return start(action, params, CancellationToken.never());
  }

  private <P extends Record, R> R start(ActionDescriptor<P, R> action, P params, CancellationToken token) {
    String actionName = action.config().name();
    java.util.Set<String> secretValues = action.secretValues(params);
    Redactor redactor = secretValues.isEmpty() ? environmentRedactor : Redactor.builder()
        .secretNameWords(secretNameWords)
        .environment(env)
        .secretValues(secretValues)
        .build();
    RunObservers.Executing observed = RunObservers.startExecuting(action.pluginCode(), actionName, jobId,
        new ParamsWriter<>(action, params), secretValues);
    RuntimeContext.Builder builder = RuntimeContext.builder(actionName)
        .pluginCode(action.pluginCode())
        .jobId(jobId)
        .language(language)
        .env(env)
        .workingDir(workingDir)
        .sink(observed.sink(sink))
        .redactor(redactor)
        .cancellation(token);
    if (env.contains(PipelineContext.RUN_ID)) {
      // A pipeline runs this action: its run reaches the action through the environment, in every mode.
      builder.pipeline(PipelineContext.fromEnvironment(env, actionName, workingDir != null ? workingDir : Path.of("").toAbsolutePath())
          .orElse(null));
    }
    RuntimeContext context = builder.build();
    // What observed.finishing(work) does, without a lambda on the cold-start path.
    Throwable raised = null;
    try {
      return run(action, params, context, redactor, token);
    } catch (RuntimeException | Error e) {
      raised = e;
      throw e;
    } finally {
      observed.finished(raised);
    }
  }

  /** The params of a run as an observer sees them, written only when one asks. */
  private static final class ParamsWriter<P extends Record> implements java.util.function.Supplier<Map<String, Object>> {
    private final ActionDescriptor<P, ?> action;
    private final P params;

    ParamsWriter(ActionDescriptor<P, ?> action, P params) {
      this.action = action;
      this.params = params;
    }

    @Override
    public Map<String, Object> get() {
      return action.writeParams(params);
    }
  }

  /** The threads of {@link #submit} runs, started when the first submit needs one (a plain run never does). */
  private static final class Runs {
    static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "synapse-local-run");
      thread.setDaemon(true);
      return thread;
    });

    private Runs() {}
  }

  private <P extends Record, R> R run(ActionDescriptor<P, R> action, P params, RuntimeContext context, Redactor redactor,
      CancellationToken token) {
    CancellationToken.Registration interrupting = token.interruptOnCancel(Thread.currentThread());
    try {
      BaseAction<P, R> instance = action.newAction();
      ActionAccess.initialize(instance, params, context);
      return instance.execute();
    } catch (Throwable e) {
      throw outcomeOf(action, e, token, redactor);
    } finally {
      interrupting.close();
      if (token.isCancelled()) {
        // The interrupt was the cancel's: the thread goes back to its owner (a pool, Ray) without it.
        Thread.interrupted();
      }
      // Throttled progress held back by the sink is delivered now that the run is over.
      flushQuietly();
    }
  }

  /** The error a run that threw {@code thrown} raises (a broken JVM's error is thrown from here instead). */
  private RuntimeException outcomeOf(ActionDescriptor<?, ?> action, Throwable thrown, CancellationToken token, Redactor redactor) {
    boolean brokenJvm = thrown instanceof VirtualMachineError && !(thrown instanceof StackOverflowError || thrown instanceof OutOfMemoryError);
    if (brokenJvm) {
      throw withoutSecrets((VirtualMachineError) thrown, redactor);
    }
    if (token.isCancelled()) {
      return cancelled(action, thrown, token, redactor);
    }
    if (thrown instanceof StepError step) {
      return withoutSecrets(step, redactor);
    }
    if (thrown instanceof PluginError error) {
      return error;
    }
    if (thrown instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    // Errors too: a stack overflow or running out of memory is recoverable by now, the run's frames (and
    // what they allocated) being gone.
    return failure(action, thrown, redactor);
  }

  // What the action threw as it stopped (an InterruptedException, a StepError after the rollbacks) is the cause.
  private CancelledError cancelled(ActionDescriptor<?, ?> action, Throwable thrown, CancellationToken token, Redactor redactor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", action.pluginCode());
    details.put("action", action.config().name());
    if (jobId != null) {
      details.put("job_id", jobId);
    }
    details.put("reason", token.reason().orElse("cancelled"));
    if (thrown instanceof StepError step) {
      details.put("step", step.step());
      details.put("rolled_back", step.details().getOrDefault("rolled_back", List.of()));
      details.put("rollback_failed", step.details().getOrDefault("rollback_failed", List.of()));
    }
    Throwable cause = thrown instanceof CancelledError ? thrown.getCause() : thrown;
    return new CancelledError("Action '" + action.config().name() + "' of plugin '" + action.pluginCode() + "' was cancelled ("
        + redactor.redact(token.reason().orElse("cancelled")) + ")", details, withoutSecrets(cause, redactor));
  }

  private void flushQuietly() {
    try {
      sink.flush();
    } catch (RuntimeException e) {
      System.getLogger(LocalExecutor.class.getName()).log(System.Logger.Level.WARNING, "event sink failed to flush: " + e);
    }
  }

  private ExecutionError failure(ActionDescriptor<?, ?> action, Throwable cause, Redactor redactor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", action.pluginCode());
    details.put("action", action.config().name());
    details.put("exception", cause.getClass().getName());
    if (cause instanceof StackOverflowError) {
      details.put("reason", "stack_overflow");
    } else if (cause instanceof OutOfMemoryError) {
      details.put("reason", "out_of_memory");
    }
    if (jobId != null) {
      details.put("job_id", jobId);
    }
    String message = "Action '" + action.config().name() + "' of plugin '" + action.pluginCode() + "' failed: "
        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + redactor.redact(cause.getMessage()));
    return new ExecutionError(message, details, withoutSecrets(cause, redactor));
  }

  // The action's own exception (or a cause or suppressed one of it) may quote a secret in its message;
  // then the error keeps a redacted copy with the same class name and stack trace instead, so that a
  // printed stack trace shows no secret. An exception that quotes none is kept as it is.
  private static Throwable withoutSecrets(Throwable cause, Redactor redactor) {
    return RedactedException.withoutSecrets(cause, redactor::redact);
  }

  // The JVM itself failed (InternalError, UnknownError): rethrown, as an error of the same kind whose
  // message and causes hide the run's secrets when they quote one.
  private static VirtualMachineError withoutSecrets(VirtualMachineError error, Redactor redactor) {
    if (!RedactedException.leaks(error, redactor::redact)) {
      return error;
    }
    String message = redactor.redact(error.getMessage());
    VirtualMachineError copy = error instanceof UnknownError ? new UnknownError(message) : new InternalError(message);
    copy.setStackTrace(error.getStackTrace());
    if (error.getCause() != null) {
      copy.initCause(withoutSecrets(error.getCause(), redactor));
    }
    for (Throwable suppressed : error.getSuppressed()) {
      copy.addSuppressed(withoutSecrets(suppressed, redactor));
    }
    return copy;
  }

  private static StepError withoutSecrets(StepError error, Redactor redactor) {
    if (!RedactedException.leaks(error, redactor::redact)) {
      return error;
    }
    StepError copy = new StepError(error.step(), redactor.redact(error.getMessage()), error.details(),
        withoutSecrets(error.getCause(), redactor));
    copy.setStackTrace(error.getStackTrace());
    for (Throwable suppressed : error.getSuppressed()) {
      copy.addSuppressed(withoutSecrets(suppressed, redactor));
    }
    return copy;
  }

  /** Builds a {@link LocalExecutor}; the environment, job id, working directory and sink setters are {@link ContextSettings.Builder}'s. */
  public static final class Builder extends ContextSettings.Builder<Builder> {
    private List<String> secretNameWords = Redactor.DEFAULT_SECRET_NAME_WORDS;

    private Builder() {
      super(DEFAULT_SINK);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The words that make an environment entry's name look secret, so that its value is hidden in
     * every event and error message (default: {@link Redactor#DEFAULT_SECRET_NAME_WORDS}; matched
     * anywhere in the name, ignoring case). The values of {@code @Secret} params are always hidden.
     */
    public Builder secretNameWords(Collection<String> words) {
      this.secretNameWords = words == Redactor.DEFAULT_SECRET_NAME_WORDS ? Redactor.DEFAULT_SECRET_NAME_WORDS : List.copyOf(words);
      return this;
    }

    /**
     * The executor.
     *
     * @throws ConfigError when the working directory given is not an existing directory
     */
    public LocalExecutor build() {
      ContextSettings settings = contextSettings();
      Path directory = settings.workingDir();
      if (directory != null && !Files.isDirectory(directory)) {
        throw new ConfigError("The working directory " + directory + " does not exist or is not a directory",
            Map.of("working_dir", directory.toString()));
      }
      return new LocalExecutor(settings, secretNameWords, null);
    }
  }
}
