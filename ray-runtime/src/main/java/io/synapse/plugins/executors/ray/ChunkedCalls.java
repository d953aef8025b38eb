package io.synapse.plugins.executors.ray;

import io.ray.api.ActorHandle;
import io.ray.api.ObjectRef;
import io.ray.api.Ray;
import io.ray.api.exception.RayActorException;
import io.ray.api.exception.RayException;
import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.context.ContextSettings;
import io.synapse.plugins.errors.CancelledError;
import io.synapse.plugins.errors.ExecutionError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.RetryPolicy;
import io.synapse.plugins.executors.remote.RemoteFailures;
import io.synapse.plugins.executors.remote.RemoteMessage;
import io.synapse.plugins.executors.remote.RemoteProtocol;
import io.synapse.plugins.observation.RunObservers;
import io.synapse.plugins.observation.RunScope;
import io.synapse.plugins.spi.ActionDescriptor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Many calls of one action over the pool from the calling thread alone ({@link RayActorExecutor#executeAll}): the
 * calls go in chunks (one {@link PluginActor#runAll} call carries a chunk's {@link RemoteMessage.Request}s), at most
 * {@value #WINDOW} chunks queued per actor, so each actor has its next chunk while it runs one and no driver thread
 * waits per call. A chunk starts with one call and doubles (up to {@value #MAX_CHUNK}) while chunks end within
 * {@value #FAST_CHUNK_MILLIS} ms; slower ones halve it, so long actions go one per chunk and keep their timeout.
 *
 * <p>Failures are per call, as for single calls: bad params (checked on the driver) and an action's failure are
 * that call's error; a chunk whose actor died is sent again, whole, to the replaced actor as the retry policy
 * says (each retry a retry event), and fails with {@code actor_died} after the last; a chunk that outlives the call
 * timeout times the calls in it fails with {@code timeout} (its actor replaced; the chunks queued behind it, which
 * had not started, are sent again). Events reach the sink when their chunk ends, each call's before the next's.
 */
final class ChunkedCalls<R> {
  /** The most calls in one chunk. */
  static final int MAX_CHUNK = 64;
  /** The most chunks queued on one actor. */
  static final int WINDOW = 2;
  /** A chunk that ends within this time lets the next be twice as large. */
  static final long FAST_CHUNK_MILLIS = 250;
  /** A chunk that takes longer than this halves the next. */
  static final long SLOW_CHUNK_MILLIS = 2_000;
  private static final long WAIT_STEP_MILLIS = 500;

  /** Builds the request of call {@code index}; throws the typed error of bad params. */
  @FunctionalInterface
  interface Requests {
    RemoteMessage.Request request(int index, String id, Map<String, String> runContext);
  }

  /** Gives each request its id. */
  @FunctionalInterface
  interface Ids {
    String next();
  }

  private record Item(int index, String id, String line, RunScope scope) {}

  private static final class Chunk {
    final List<Item> items;
    final String text;
    int attempt = 1;

    Chunk(List<Item> items) {
      this.items = items;
      StringBuilder lines = new StringBuilder();
      items.forEach(item -> lines.append(item.line()).append('\n'));
      this.text = lines.toString();
    }

    String what(String action) {
      Item first = items.get(0);
      Item last = items.get(items.size() - 1);
      return "chunk of " + items.size() + " calls of action '" + action + "' (items " + first.index() + ".." + last.index() + ")";
    }
  }

  private static final class Sent {
    final Chunk chunk;
    final ObjectRef<String> reply;
    final ActorHandle<PluginActor> actor;
    long headSince;

    Sent(Chunk chunk, ObjectRef<String> reply, ActorHandle<PluginActor> actor, long headSince) {
      this.chunk = chunk;
      this.reply = reply;
      this.actor = actor;
      this.headSince = headSince;
    }
  }

  private final ActorPool pool;
  private final ActionDescriptor<?, R> action;
  private final ContextSettings context;
  private final EventSink sink;
  private final Requests requests;
  private final Ids ids;
  private final int count;
  private final Object[] results;
  private final RuntimeException[] errors;
  private final Deque<Chunk> again = new ArrayDeque<>();
  private final List<Deque<Sent>> queues = new ArrayList<>();
  private int next;
  private int chunkSize = 1;

  private ChunkedCalls(ActorPool pool, ActionDescriptor<?, R> action, ContextSettings context, Requests requests, Ids ids, int count) {
    this.pool = pool;
    this.action = action;
    this.context = context;
    this.sink = context.sink();
    this.requests = requests;
    this.ids = ids;
    this.count = count;
    this.results = new Object[count];
    this.errors = new RuntimeException[count];
    for (int i = 0; i < pool.size(); i++) {
      queues.add(new ArrayDeque<>());
    }
  }

  /**
   * Runs {@code count} calls and returns their results in order.
   *
   * @throws PluginError the first call's failure, the later ones suppressed in it, in order
   */
  static <R> List<R> run(ActorPool pool, ActionDescriptor<?, R> action, ContextSettings context, Requests requests, Ids ids, int count) {
    ChunkedCalls<R> calls = new ChunkedCalls<>(pool, action, context, requests, ids, count);
    calls.loop();
    return calls.collect();
  }

  private void loop() {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        interrupted();
      }
      fill();
      List<ObjectRef<String>> heads = new ArrayList<>();
      long now = System.nanoTime();
      long waitMillis = WAIT_STEP_MILLIS;
      for (Deque<Sent> queue : queues) {
        Sent head = queue.peekFirst();
        if (head != null) {
          heads.add(head.reply);
          waitMillis = Math.min(waitMillis, Math.max(0, (deadline(head) - now) / 1_000_000));
        }
      }
      if (heads.isEmpty()) {
        return;
      }
      Ray.wait(heads, 1, (int) Math.max(1, waitMillis));
      for (int slot = 0; slot < queues.size(); slot++) {
        Deque<Sent> queue = queues.get(slot);
        while (!queue.isEmpty() && !Ray.wait(List.of(queue.peekFirst().reply), 1, 0).getReady().isEmpty()) {
          if (!settle(slot, queue)) {
            break;
          }
        }
        Sent head = queue.peekFirst();
        if (head != null && System.nanoTime() - deadline(head) > 0) {
          timedOut(slot, queue);
        }
      }
    }
  }

  private long deadline(Sent head) {
    return head.headSince + pool.settings().callTimeout().toNanos() * head.chunk.items.size();
  }

  /** Queues chunks until each actor has {@value #WINDOW} or no calls are left. */
  private void fill() {
    for (int slot = 0; slot < queues.size(); slot++) {
      Deque<Sent> queue = queues.get(slot);
      while (queue.size() < WINDOW) {
        Chunk chunk = nextChunk();
        if (chunk == null) {
          return;
        }
        ActorHandle<PluginActor> actor = pool.acquire(slot, chunk.items.size());
        ObjectRef<String> reply = actor.task(PluginActor::runAll, chunk.text).remote();
        queue.addLast(new Sent(chunk, reply, actor, System.nanoTime()));
      }
    }
  }

  private Chunk nextChunk() {
    if (!again.isEmpty()) {
      return again.pollFirst();
    }
    List<Item> items = new ArrayList<>();
    while (items.size() < chunkSize && next < count) {
      int index = next++;
      String id = ids.next();
      RunScope scope = RunObservers.startDriving(action.pluginCode(), action.config().name(), ExecutionMode.TASK, context.jobId(), null, null);
      try {
        Map<String, String> runContext = new TreeMap<>();
        scope.propagate(runContext);
        items.add(new Item(index, id, RemoteProtocol.write(requests.request(index, id, runContext)), scope));
      } catch (RuntimeException e) {
        fail(index, scope, e);
      }
    }
    return items.isEmpty() ? null : new Chunk(items);
  }

  /** Takes the reply of the head chunk of {@code slot}; false when the queue was reset (its actor died). */
  private boolean settle(int slot, Deque<Sent> queue) {
    Sent head = queue.peekFirst();
    String transcript;
    try {
      transcript = Ray.get(head.reply);
    } catch (RayActorException e) {
      died(slot, queue, e);
      return false;
    } catch (RayException e) {
      done(slot, queue);
      failAll(head.chunk, (index, attempts) -> new ExecutionError("Ray failed to run action '" + action.config().name() + "' (item " + index
          + " of executeAll): " + e.getMessage(), item(pool.failureDetails(action, "ray_error", attempts), index), e));
      return true;
    } catch (RuntimeException e) {
      done(slot, queue);
      RuntimeException typed = pool.envSetupFailure(e);
      failAll(head.chunk, (index, attempts) -> typed);
      return true;
    }
    long tookMillis = (System.nanoTime() - head.headSince) / 1_000_000;
    done(slot, queue);
    if (tookMillis < FAST_CHUNK_MILLIS && head.chunk.items.size() >= chunkSize) {
      chunkSize = Math.min(MAX_CHUNK, chunkSize * 2);
    } else if (tookMillis > SLOW_CHUNK_MILLIS) {
      chunkSize = Math.max(1, chunkSize / 2);
    }
    deliver(head.chunk, transcript);
    return true;
  }

  private void done(int slot, Deque<Sent> queue) {
    Sent head = queue.pollFirst();
    pool.release(slot, head.chunk.items.size());
    Sent following = queue.peekFirst();
    if (following != null) {
      following.headSince = System.nanoTime();
    }
  }

  private void deliver(Chunk chunk, String transcript) {
    Map<String, Item> byId = new HashMap<>();
    chunk.items.forEach(item -> byId.put(item.id(), item));
    boolean[] answered = new boolean[chunk.items.size()];
    List<RemoteMessage> messages;
    try {
      messages = RemoteProtocol.readTranscript(transcript);
    } catch (PluginError e) {
      failAll(chunk, (index, attempts) -> e);
      return;
    }
    for (RemoteMessage message : messages) {
      Item item = byId.get(message.id());
      if (message instanceof RemoteMessage.Event event) {
        sink.accept(event.event());
      } else if (message instanceof RemoteMessage.Outcome outcome && item != null && !answered[chunk.items.indexOf(item)]) {
        answered[chunk.items.indexOf(item)] = true;
        try {
          results[item.index()] = RemoteFailures.outcome(withItem(outcome, item.index()), action);
          item.scope().finished(null);
        } catch (RuntimeException e) {
          fail(item.index(), item.scope(), e);
        }
      }
    }
    sink.flush();
    for (int i = 0; i < answered.length; i++) {
      if (!answered[i]) {
        Item item = chunk.items.get(i);
        fail(item.index(), item.scope(), new PluginError(RemoteProtocol.PROTOCOL_ERROR, "A Ray actor answered a chunk of action '"
            + action.config().name() + "' without a result or a failure for item " + item.index(), Map.of("action", action.config().name(),
            "item", item.index())));
      }
    }
  }

  /** The actor of {@code slot} died: its head chunk is retried as the policy says (or fails), the chunks behind it sent again. */
  private void died(int slot, Deque<Sent> queue, RayActorException cause) {
    Chunk chunk = reset(slot, queue);
    RetryPolicy policy = pool.settings().cluster().retries();
    if (chunk.attempt > policy.maxRetries()) {
      failAll(chunk, (index, attempts) -> new ExecutionError("The Ray actor running action '" + action.config().name() + "' died during the call"
          + " (item " + index + " of executeAll" + (attempts > 1 ? ", " + attempts + " attempts" : "") + "); the pool replaced it",
          item(pool.failureDetails(action, "actor_died", attempts), index), cause));
      return;
    }
    Duration delay = policy.delayBefore(chunk.attempt);
    sink.accept(RetryPolicy.retryEvent(action.config().name(), context.jobId(), chunk.what(action.config().name()), chunk.attempt,
        policy.maxRetries(), delay, "the Ray actor died or could not be reached: " + cause.getClass().getSimpleName()));
    chunk.attempt++;
    again.addFirst(chunk);
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The head chunk of {@code slot} outlived its time: its calls fail, its actor is replaced, the chunks behind it are sent again. */
  private void timedOut(int slot, Deque<Sent> queue) {
    Chunk chunk = reset(slot, queue);
    Duration timeout = pool.settings().callTimeout();
    failAll(chunk, (index, attempts) -> new ExecutionError("Action '" + action.config().name() + "' (item " + index + " of executeAll, in a "
        + chunk.what(action.config().name()) + ") did not finish within " + timeout + " per call on a Ray actor; the actor was replaced",
        item(pool.failureDetails(action, "timeout", attempts), index), null));
  }

  /**
   * The actor of {@code slot} is dead or stuck: it is replaced, its queue emptied, the chunks behind the head (which
   * had not started) queued to be sent again first; returns the head chunk.
   */
  private Chunk reset(int slot, Deque<Sent> queue) {
    Sent head = queue.peekFirst();
    pool.replace(slot, head.actor);
    List<Sent> dropped = new ArrayList<>(queue);
    queue.clear();
    dropped.forEach(sent -> pool.release(slot, sent.chunk.items.size()));
    for (int i = dropped.size() - 1; i >= 1; i--) {
      again.addFirst(dropped.get(i).chunk);
    }
    return head.chunk;
  }

  /** The calling thread was interrupted: the chunks sent are told to stop, nothing more is sent, and the run ends with a cancel. */
  private void interrupted() {
    int notRun = 0;
    for (int slot = 0; slot < queues.size(); slot++) {
      for (Sent sent : queues.get(slot)) {
        pool.release(slot, sent.chunk.items.size());
        for (Item item : sent.chunk.items) {
          item.scope().finished(null);
          sent.actor.task(PluginActor::cancel, RemoteProtocol.write(new RemoteMessage.Cancel(item.id(), "the calling thread was interrupted")))
              .remote();
          notRun++;
        }
      }
      queues.get(slot).clear();
    }
    for (Chunk chunk : again) {
      notRun += chunk.items.size();
    }
    notRun += count - next;
    CancelledError error = new CancelledError("executeAll of action '" + action.config().name() + "' was interrupted; " + notRun
        + " of its " + count + " calls were stopped or not sent", Map.of("action", action.config().name(), "mode", "task",
        "reason", "cancelled", "not_run", notRun));
    throw error;
  }

  @FunctionalInterface
  private interface ErrorOf {
    RuntimeException of(int index, int attempts);
  }

  private void failAll(Chunk chunk, ErrorOf error) {
    for (Item item : chunk.items) {
      fail(item.index(), item.scope(), error.of(item.index(), chunk.attempt));
    }
  }

  private void fail(int index, RunScope scope, RuntimeException error) {
    errors[index] = error;
    scope.finished(error);
  }

  /** A failure's details name the call's index ({@code item}), for the errors that keep their details. */
  private static RemoteMessage.Outcome withItem(RemoteMessage.Outcome outcome, int index) {
    if (!(outcome instanceof RemoteMessage.Failure failure)) {
      return outcome;
    }
    Map<String, Object> details = new java.util.LinkedHashMap<>(failure.details());
    details.putIfAbsent("item", index);
    return new RemoteMessage.Failure(failure.id(), failure.code(), failure.message(), details, failure.exception(), failure.exceptionMessage(),
        failure.stack(), failure.pid());
  }

  private static Map<String, Object> item(Map<String, Object> details, int index) {
    details.put("item", index);
    return details;
  }

  @SuppressWarnings("unchecked")
  private List<R> collect() {
    RuntimeException first = null;
    for (RuntimeException error : errors) {
      if (error == null) {
        continue;
      }
      if (first == null) {
        first = error;
      } else if (error != first) {
        first.addSuppressed(error);
      }
    }
    if (first != null) {
      throw first;
    }
    return new ArrayList<>((List<R>) Arrays.asList(results));
  }
}
