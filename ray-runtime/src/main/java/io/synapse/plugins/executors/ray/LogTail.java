package io.synapse.plugins.executors.ray;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a job's log through the dashboard's {@code logs/tail} websocket, which streams the log from its
 * start and then as it grows, and closes normally when the job has ended. The consumer gets whole lines
 * (each with its line break), redacted as whole lines, so a secret split between two messages is still
 * hidden; a line longer than {@value #MAX_LINE} characters is passed on in pieces of that size.
 *
 * <p><b>Reconnecting.</b> When the connection drops before a normal close (the dashboard restarted, the
 * network broke), the tail connects again, with the client's backoff, for as long as the dashboard comes back
 * within the reconnect time; since the stream starts again from the log's start, the characters already
 * seen are skipped, so no line is lost or repeated. A job the cluster no longer knows ends the tail with
 * {@value RayJobExecutor#JOB_NOT_FOUND}.
 */
final class LogTail {
  /** The longest line passed on whole; longer ones go in pieces. */
  static final int MAX_LINE = 1 << 20;
  private static final ScheduledExecutorService RECONNECTS = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "synapse-ray-log-tail");
    thread.setDaemon(true);
    return thread;
  });

  private final DashboardClient client;
  private final JobMonitor monitor;
  private final String submissionId;
  private final URI uri;
  private final Redactor redactor;
  private final Consumer<String> consumer;
  private final Duration reconnectTime;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final StringBuilder pending = new StringBuilder();
  // Characters of the log taken so far (passed on or pending): skipped when a new connection starts over.
  private long taken;
  private long skip;
  private int attempt;
  private long reconnectingSince;
  private volatile WebSocket socket;

  LogTail(DashboardClient client, JobMonitor monitor, String submissionId, String path, Redactor redactor, Consumer<String> consumer,
      Duration reconnectTime) {
    this.client = client;
    this.monitor = monitor;
    this.submissionId = submissionId;
    this.uri = URI.create(client.base().toString().replaceFirst("^http", "ws") + path);
    this.redactor = redactor;
    this.consumer = consumer;
    this.reconnectTime = reconnectTime;
    done.whenComplete((ignored, failure) -> {
      WebSocket open = socket;
      if (done.isCancelled() && open != null) {
        open.abort();
      }
    });
  }

  /** Starts following; the future completes when the job's log has ended, or fails with a precise error. */
  CompletableFuture<Void> start() {
    connect();
    return done;
  }

  private void connect() {
    if (done.isDone()) {
      return;
    }
    WebSocket.Builder builder = client.http().newWebSocketBuilder().connectTimeout(client.requestTimeout());
    client.headers().forEach(builder::header);
    builder.buildAsync(uri, new Listener()).whenComplete((opened, error) -> {
      if (error != null) {
        connectionLost(error, true);
      } else {
        socket = opened;
        if (done.isDone()) {
          opened.abort();
        }
      }
    });
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket webSocket) {
      startedOver();
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      try {
        take(data);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        webSocket.abort();
        return null;
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (statusCode == WebSocket.NORMAL_CLOSURE) {
        finish();
      } else {
        connectionLost(new java.io.IOException("the log stream closed with status " + statusCode + " " + reason), false);
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      connectionLost(error, false);
    }
  }

  /** A connection opened: its stream starts again from the log's start, so what was taken already is skipped. */
  synchronized void startedOver() {
    skip = taken;
    attempt = 0;
    reconnectingSince = 0;
  }

  /** Takes the characters after those already seen, and passes on every whole line. */
  synchronized void take(CharSequence data) {
    int from = 0;
    if (skip > 0) {
      int skipped = (int) Math.min(skip, data.length());
      skip -= skipped;
      from = skipped;
    }
    for (int i = from; i < data.length(); i++) {
      char c = data.charAt(i);
      pending.append(c);
      taken++;
      if (c == '\n' || pending.length() >= MAX_LINE) {
        passOn();
      }
    }
  }

  private void passOn() {
    String line = pending.toString();
    pending.setLength(0);
    consumer.accept(redactor.redact(line));
  }

  /** The stream ended normally: passes on the last, unterminated line and completes. */
  synchronized void finish() {
    if (pending.length() > 0 && !done.isDone()) {
      try {
        passOn();
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        return;
      }
    }
    done.complete(null);
  }

  private void connectionLost(Throwable error, boolean handshake) {
    if (done.isDone()) {
      return;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof WebSocketHandshakeException refused) {
      int status = refused.getResponse().statusCode();
      if (status == 404) {
        done.completeExceptionally(monitor.notFound(submissionId));
        return;
      }
      if (status / 100 == 4) {
        done.completeExceptionally(new PluginError(RayJobExecutor.DASHBOARD_ERROR, "The Ray dashboard refused the log stream of job '"
            + submissionId + "' with status " + status, Map.of("url", client.base().toString(), "submission_id", submissionId, "status", status),
            cause));
        return;
      }
    }
    long now = System.nanoTime();
    int retry;
    synchronized (this) {
      if (reconnectingSince == 0) {
        reconnectingSince = now;
      }
      retry = ++attempt;
    }
    if (now - reconnectingSince > reconnectTime.toNanos()) {
      done.completeExceptionally(new PluginError(cause instanceof java.net.ConnectException || handshake
          ? RayJobExecutor.DASHBOARD_UNREACHABLE : RayJobExecutor.DASHBOARD_ERROR, "The log stream of Ray job '" + submissionId + "' from "
          + client.base() + " broke and could not be resumed within " + reconnectTime + ": " + cause,
          Map.of("url", client.base().toString(), "submission_id", submissionId, "attempts", retry), cause));
      return;
    }
    Duration delay = client.retries().delayBefore(Math.min(retry, 6));
    client.listener().retrying("GET " + uri.getPath(), retry, -1, delay, String.valueOf(cause));
    RECONNECTS.schedule(this::connect, Math.max(50, delay.toMillis()), TimeUnit.MILLISECONDS);
  }
}
