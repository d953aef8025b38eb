package io.synapse.plugins.executors.remote;

import io.synapse.plugins.events.PluginEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One message of the remote protocol between a driver and a worker (a TASK actor, a JOB entrypoint).
 * {@link RemoteProtocol} writes and reads them; every message carries the protocol's name and version,
 * its type and the id of the request it belongs to.
 *
 * <p>A driver sends one {@link Request}; the worker answers with any number of {@link Event}s, then
 * exactly one {@link Outcome}: a {@link Result} or a {@link Failure}. While a request runs, the driver may
 * send a {@link Poll} (answered with the events reported since the last poll: live events) and a
 * {@link Cancel} (the run is told to stop). Readers ignore fields they do not know (a JOB outcome's seal).
 */
public sealed interface RemoteMessage permits RemoteMessage.Request, RemoteMessage.Event, RemoteMessage.Outcome, RemoteMessage.Poll,
    RemoteMessage.Cancel {

  /** The id of the request this message belongs to. */
  String id();

  /**
   * Run one action.
   *
   * @param id the request's id, echoed by every reply
   * @param plugin the plugin's code, looked up among the worker's registries (never loaded from a path)
   * @param action the action's name
   * @param params the params as the driver wrote them (a JSON-like map)
   * @param env the environment the action sees
   * @param jobId the job id for the action's context, or null
   * @param workingDir the run's working directory as the worker sees it (relative: against its current
   *     directory, where Ray unpacked the shipped one), or null for none
   * @param language the language of the run (for actions that localise), or null
   * @param marker JOB only: the text that frames the outcome in the job's log, or null
   * @param resultKey JOB only: the key (hex) the worker seals its outcome with ({@link ResultSeal}), or null
   * @param runContext what the driver's run observers carry to the worker's run (a W3C {@code traceparent}, for
   *     one trace across the remote run), strings only; see {@link io.synapse.plugins.observation.RunObservers}
   */
  record Request(String id, String plugin, String action, Map<String, Object> params, Map<String, String> env, String jobId,
      String workingDir, String language, String marker, String resultKey, Map<String, String> runContext) implements RemoteMessage {

    /** Checks the required parts and copies the maps. */
    public Request {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(plugin, "plugin");
      Objects.requireNonNull(action, "action");
      params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
      env = env == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(env));
      runContext = runContext == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(runContext));
    }

    /** A request whose outcome is not sealed and that carries no run context. */
    public Request(String id, String plugin, String action, Map<String, Object> params, Map<String, String> env, String jobId,
        String workingDir, String language, String marker) {
      this(id, plugin, action, params, env, jobId, workingDir, language, marker, null, Map.of());
    }

    /** Never shows the params, the environment or the key, which may hold secrets. */
    @Override
    public String toString() {
      return "Request[id=" + id + ", plugin=" + plugin + ", action=" + action + "]";
    }
  }

  /**
   * An event the action reported, in {@link io.synapse.plugins.events.JsonLinesSink}'s object format on
   * the wire, secrets already hidden by the worker.
   *
   * @param id the request's id
   * @param event the event
   */
  record Event(String id, PluginEvent event) implements RemoteMessage {

    /** Checks the parts. */
    public Event {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * Asks for the events request {@code id} reported since the last poll, waiting up to {@code waitMillis} for
   * the first one (or for the run's end); answered with a transcript of {@link Event}s, maybe empty.
   *
   * @param id the request's id
   * @param waitMillis how long the worker may wait for an event
   */
  record Poll(String id, long waitMillis) implements RemoteMessage {

    /** Checks the parts. */
    public Poll {
      Objects.requireNonNull(id, "id");
      if (waitMillis < 0) {
        throw new IllegalArgumentException("waitMillis must not be negative");
      }
    }
  }

  /**
   * Tells request {@code id} to stop: its action sees {@code ctx().isCancelled()} and its thread is
   * interrupted. Answered with an empty transcript; the request's own reply follows as it ends.
   *
   * @param id the request's id
   * @param reason why, for the run's error
   */
  record Cancel(String id, String reason) implements RemoteMessage {

    /** Checks the id. */
    public Cancel {
      Objects.requireNonNull(id, "id");
    }
  }

  /** The last message of a reply: the action's result or its failure. */
  sealed interface Outcome extends RemoteMessage permits Result, Failure {

    /** The worker's process id. */
    long pid();
  }

  /**
   * The action returned.
   *
   * @param id the request's id
   * @param value the result as the action's descriptor wrote it (JSON-like)
   * @param pid the worker's process id
   */
  record Result(String id, Object value, long pid) implements Outcome {

    /** Checks the id. */
    public Result {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The request failed: bad params, an unknown plugin or action, or the action threw. Every text is
   * redacted by the worker.
   *
   * @param id the request's id
   * @param code the error's code ({@link io.synapse.plugins.errors.PluginError#code()})
   * @param message the error's message
   * @param details the error's details (JSON-like)
   * @param exception the class name of the action's exception, or null
   * @param exceptionMessage its message, or null
   * @param stack its stack trace as text, or null
   * @param pid the worker's process id
   */
  record Failure(String id, String code, String message, Map<String, Object> details, String exception, String exceptionMessage,
      String stack, long pid) implements Outcome {

    /** Checks the required parts and copies the details. */
    public Failure {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(code, "code");
      details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }
}
