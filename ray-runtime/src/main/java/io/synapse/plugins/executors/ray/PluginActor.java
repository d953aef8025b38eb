package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.remote.RemoteFailures;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.executors.remote.RemoteWorker;
import io.synapse.plugins.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ray actor behind the TASK backend. It stays warm between calls and runs each request with the
 * {@link RemoteWorker} routine the JOB entrypoint runs too. Its methods take and return
 * {@link RemoteProtocol} text only and never throw: every failure comes back as a failure message and
 * becomes the same typed error as a LOCAL run on the driver. Plugins are found on the worker's class
 * path, which Ray builds from the pool's {@code java_jars} packages; nothing is loaded from a path a
 * request names.
 *
 * <p>Public with a public constructor only because Ray constructs it on the worker.
 */
public final class PluginActor {
  private final RemoteWorker worker = new RemoteWorker(PluginActor.class.getClassLoader(), ExecutionMode.TASK);

  /** An actor; Ray calls it on the worker. */
  public PluginActor() {}

  /**
   * Runs one request message; returns the transcript of the reply (its events, then its outcome, one
   * message per line). Never throws.
   */
  public String run(String request) {
    List<RemoteMessage> messages = new ArrayList<>();
    RemoteMessage parsed;
    try {
      parsed = RemoteProtocol.read(request);
    } catch (PluginError e) {
      return RemoteProtocol.transcript(List.of(RemoteFailures.of("", e, Redactor.none())));
    }
    if (!(parsed instanceof RemoteMessage.Request call)) {
      PluginError error = new PluginError(RemoteProtocol.PROTOCOL_ERROR, "A Ray actor of the TASK backend takes request messages, not "
          + parsed.getClass().getSimpleName(), Map.of());
      return RemoteProtocol.transcript(List.of(RemoteFailures.of(parsed.id(), error, Redactor.none())));
    }
    worker.run(call, messages::add);
    return RemoteProtocol.transcript(messages);
  }

  /** The worker's process id, protocol and current directory, as JSON: a cheap health check. */
  public String ping() {
    Map<String, Object> pong = new LinkedHashMap<>();
    pong.put("protocol", RemoteProtocol.NAME);
    pong.put("version", RemoteProtocol.VERSION);
    pong.put("pid", ProcessHandle.current().pid());
    pong.put("cwd", Path.of("").toAbsolutePath().toString());
    return Json.write(pong);
  }
}
