package io.synapse.plugins.executors.ray;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dashboard that misbehaves on purpose, on loopback: each connection is answered by a script writing raw
 * bytes (slowly, endlessly, wrongly), so that what a real HTTP server would never send can be sent.
 */
final class HostileServer implements AutoCloseable {
  /** Writes the answer to one connection; the request line has been read. */
  @FunctionalInterface
  interface Script {
    void answer(String requestLine, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final Script script;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger clientsGone = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  HostileServer(Script script) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.script = script;
    Thread acceptor = new Thread(this::accept, "hostile-dashboard");
    acceptor.setDaemon(true);
    acceptor.start();
    threads.add(acceptor);
  }

  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<String> requests() {
    return requests;
  }

  /** Whether the client has closed every connection it made so far (seen as the end of its input). */
  boolean allClosedWithin(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (clientsGone.get() >= connections.get()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = socket.accept();
        connections.incrementAndGet();
        open.add(client);
        Thread handler = new Thread(() -> handle(client), "hostile-dashboard-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      String requestLine = readHead(client.getInputStream());
      requests.add(requestLine);
      Thread watcher = new Thread(() -> {
        try {
          InputStream in = client.getInputStream();
          while (in.read() != -1) {
            // A request body, or a second request: not for this server.
          }
        } catch (IOException e) {
          // Reset by the client, or closed here.
        }
        clientsGone.incrementAndGet();
      }, "hostile-dashboard-watcher");
      watcher.setDaemon(true);
      watcher.start();
      script.answer(requestLine, client.getOutputStream());
      client.getOutputStream().flush();
    } catch (IOException | InterruptedException e) {
      // The client went away: what a hostile server wants.
    }
  }

  /** Reads the request's head (and nothing of a body) and returns its first line. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    String text = head.toString();
    int end = text.indexOf("\r\n");
    return end < 0 ? text : text.substring(0, end);
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket client : open) {
      client.close();
    }
  }
}
