package io.synapse.plugins.executors.ray;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} that can be read only until a deadline and only up to a
 * number of bytes: a dashboard that sends slowly, endlessly or too much makes {@link #read} fail with
 * {@link TooLate} or {@link TooLarge} instead of blocking or filling the heap. The stream asks the
 * connection for one buffer list at a time, so at most one list is held beyond what the reader took.
 * Closing it (or failing) cancels the exchange, which closes the connection.
 */
final class BoundedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
  private static final List<ByteBuffer> END = List.of();

  /** The body was still being sent at the deadline. */
  static final class TooLate extends IOException {
    private static final long serialVersionUID = 1L;

    TooLate() {
      super("the reply's body did not end in time");
    }
  }

  /** The body holds more bytes than allowed. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    TooLarge(long limit) {
      super("the reply's body is larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  private final long deadlineNanos;
  private final long maxBytes;
  private final LinkedBlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
  private final ArrayDeque<ByteBuffer> current = new ArrayDeque<>();
  private final CompletableFuture<InputStream> body = CompletableFuture.completedFuture(this);
  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;
  private long received;
  private boolean ended;
  private boolean closed;

  /**
   * A body handler whose streams end at {@code deadlineNanos} ({@link System#nanoTime()}) and hold at most
   * {@code maxBytes}.
   */
  static HttpResponse.BodyHandler<InputStream> handler(long deadlineNanos, long maxBytes) {
    return info -> new BoundedBody(deadlineNanos, maxBytes);
  }

  private BoundedBody(long deadlineNanos, long maxBytes) {
    this.deadlineNanos = deadlineNanos;
    this.maxBytes = maxBytes;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    this.subscription = given;
    if (cancelled) {
      given.cancel();
    } else {
      given.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    arrivals.add(buffers);
  }

  @Override
  public void onError(Throwable error) {
    arrivals.add(error);
  }

  @Override
  public void onComplete() {
    arrivals.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    ByteBuffer buffer = nextBuffer();
    if (buffer == null) {
      return -1;
    }
    int n = Math.min(length, buffer.remaining());
    buffer.get(into, offset, n);
    return n;
  }

  /** The buffer with bytes left to read, waiting for the next one within the deadline; null at the end. */
  private ByteBuffer nextBuffer() throws IOException {
    if (closed) {
      throw new IOException("closed");
    }
    while (true) {
      while (!current.isEmpty() && !current.peekFirst().hasRemaining()) {
        current.pollFirst();
      }
      if (!current.isEmpty()) {
        return current.peekFirst();
      }
      if (ended) {
        return null;
      }
      Object next = awaitArrival();
      if (next instanceof Throwable error) {
        ended = true;
        throw error instanceof IOException io ? io : new IOException(error);
      }
      @SuppressWarnings("unchecked")
      List<ByteBuffer> buffers = (List<ByteBuffer>) next;
      if (buffers == END) {
        ended = true;
        return null;
      }
      for (ByteBuffer buffer : buffers) {
        received += buffer.remaining();
        current.add(buffer);
      }
      if (received > maxBytes) {
        fail();
        throw new TooLarge(maxBytes);
      }
      subscription.request(1);
    }
  }

  private Object awaitArrival() throws IOException {
    long left = deadlineNanos - System.nanoTime();
    Object next = null;
    try {
      next = left <= 0 ? arrivals.poll() : arrivals.poll(left, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail();
      throw new java.io.InterruptedIOException("interrupted while reading a dashboard reply");
    }
    if (next == null) {
      fail();
      throw new TooLate();
    }
    return next;
  }

  private void fail() {
    ended = true;
    current.clear();
    cancel();
  }

  private void cancel() {
    cancelled = true;
    Flow.Subscription given = subscription;
    if (given != null) {
      given.cancel();
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (!ended) {
        cancel();
      }
    }
  }
}
