package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.context.CancellationToken;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.remote.EventBuffer;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Ray actor behind the TASK backend. It stays warm between calls and runs each request with the
 * {@link RemoteWorker} routine the JOB entrypoint runs too. Its methods take and return
 * {@link RemoteProtocol} text only and never throw: every failure comes back as a failure message and
 * becomes the same typed error as a LOCAL run on the driver. Plugins are found on the worker's class
 * path, which Ray builds from the pool's {@code java_jars} packages; nothing is loaded from a path a
 * request names.
 *
 * <p>{@link #run} runs one request at a time (Ray's default concurrency group). {@link #poll},
 * {@link #cancel} and {@link #ping} run in a concurrency group of their own ({@value #CONTROL_GROUP}), so
 * they answer while a request runs: the driver takes the running request's events as they come (live
 * events) and tells it to stop.
 *
 * <p>Public with a public constructor only because Ray constructs it on the worker.
 */
public final class PluginActor {
  /** The concurrency group of the methods that answer while a request runs. */
  static final String CONTROL_GROUP = "control";
  private static final long POLL_STEP_MILLIS = 20;
  private static final int MAX_EARLY_CANCELS = 1_000;

  private final RemoteWorker worker = new RemoteWorker(PluginActor.class.getClassLoader(), ExecutionMode.TASK);
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  // Cancels that arrived before their request started (it waited behind another one on this actor).
  private final Set<String> earlyCancels = ConcurrentHashMap.newKeySet();

  private record Running(EventBuffer events, CancellationToken token) {}

  /** An actor; Ray calls it on the worker. */
  public PluginActor() {}

  /**
   * Runs one request message; returns the transcript of the rest of the reply: the events no poll took, then
   * its outcome, one message per line. Never throws.
   */
  public String run(String request) {
    RemoteMessage parsed;
    try {
      parsed = RemoteProtocol.read(request);
    } catch (PluginError e) {
      return RemoteProtocol.transcript(List.of(RemoteFailures.of("", e, Redactor.none())));
    }
    if (!(parsed instanceof RemoteMessage.Request call)) {
      return refused(parsed, "request");
    }
    return RemoteProtocol.transcript(runOne(call));
  }

  /**
   * Runs a chunk of requests (a driver's {@code executeAll}): {@code requests} is a transcript of
   * {@link RemoteMessage.Request} messages, one per line, run one after the other exactly as {@link #run} runs
   * each (same binding, validation and failure mapping); the answer is one transcript holding, per request in
   * order, its events and then its outcome, each message carrying its request's id. A line that is not a
   * request of this protocol version gets a failure of its own and the others still run. A cancel naming a
   * request of the chunk stops that request, as for {@link #run}. Never throws.
   */
  public String runAll(String requests) {
    List<RemoteMessage> replies = new ArrayList<>();
    for (String line : (Iterable<String>) requests.lines()::iterator) {
      if (line.isBlank()) {
        continue;
      }
      RemoteMessage parsed;
      try {
        parsed = RemoteProtocol.read(line);
      } catch (PluginError e) {
        replies.add(RemoteFailures.of("", e, Redactor.none()));
        continue;
      }
      if (parsed instanceof RemoteMessage.Request call) {
        replies.addAll(runOne(call));
      } else {
        replies.add(refusal(parsed, "request"));
      }
    }
    return RemoteProtocol.transcript(replies);
  }

  private List<RemoteMessage> runOne(RemoteMessage.Request call) {
    Running state = new Running(new EventBuffer(call.id(), EventBuffer.DEFAULT_CAPACITY), new CancellationToken());
    running.put(call.id(), state);
    if (earlyCancels.remove(call.id())) {
      state.token().cancel("cancelled before it started");
    }
    RemoteMessage.Outcome outcome;
    try {
      outcome = worker.run(call, message -> {
        if (message instanceof RemoteMessage.Event event) {
          state.events().add(event);
        }
      }, state.token());
    } finally {
      running.remove(call.id());
    }
    List<RemoteMessage> rest = new ArrayList<>(state.events().close());
    rest.add(outcome);
    return rest;
  }

  /**
   * Answers a {@link RemoteMessage.Poll}: the events its request reported since the last poll, waiting up to
   * its time for the first one, or for the request to start. Never throws.
   */
  public String poll(String pollMessage) {
    RemoteMessage.Poll poll;
    try {
      if (!(RemoteProtocol.read(pollMessage) instanceof RemoteMessage.Poll given)) {
        return "";
      }
      poll = given;
    } catch (PluginError e) {
      return "";
    }
    long deadline = System.nanoTime() + poll.waitMillis() * 1_000_000;
    try {
      Running state = running.get(poll.id());
      while (state == null && System.nanoTime() < deadline) {
        Thread.sleep(POLL_STEP_MILLIS);
        state = running.get(poll.id());
      }
      if (state == null) {
        return "";
      }
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      return RemoteProtocol.transcript(state.events().take(left));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Answers a {@link RemoteMessage.Cancel}: tells its request to stop (now, or as soon as it starts). Never throws. */
  public String cancel(String cancelMessage) {
    try {
      if (RemoteProtocol.read(cancelMessage) instanceof RemoteMessage.Cancel cancel) {
        Running state = running.get(cancel.id());
        if (state != null) {
          state.token().cancel(cancel.reason());
        } else if (earlyCancels.size() < MAX_EARLY_CANCELS) {
          earlyCancels.add(cancel.id());
        }
      }
    } catch (PluginError e) {
      // Not a cancel: nothing to do.
    }
    return "";
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

  private static String refused(RemoteMessage parsed, String expected) {
    return RemoteProtocol.transcript(List.of(refusal(parsed, expected)));
  }

  private static RemoteMessage.Failure refusal(RemoteMessage parsed, String expected) {
    PluginError error = new PluginError(RemoteProtocol.PROTOCOL_ERROR, "A Ray actor of the TASK backend takes " + expected + " messages here, not "
        + parsed.getClass().getSimpleName(), Map.of());
    return RemoteFailures.of(parsed.id(), error, Redactor.none());
  }
}
