package io.synapse.examples.ray;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a real dashboard that can "restart": {@link #restart} drops every
 * connection, refuses new ones for a while (connection refused, as while a dashboard restarts) and then
 * listens again on the same port. The client sees what a dashboard restart looks like from outside; the
 * dashboard behind it, and the job, keep running.
 */
final class RestartableProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;
  private volatile int connections;

  RestartableProxy(String dashboardUrl) throws IOException {
    URI uri = URI.create(dashboardUrl);
    this.target = new InetSocketAddress(uri.getHost(), uri.getPort());
    ServerSocket first = listen(0);
    this.port = first.getLocalPort();
    serve(first);
  }

  /** The proxy's URL, to use as the dashboard URL. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** How many connections were accepted so far. */
  int connections() {
    return connections;
  }

  /** Drops every connection, refuses connections for {@code down}, then accepts them again. */
  void restart(Duration down) throws IOException, InterruptedException {
    server.close();
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
    Thread.sleep(down.toMillis());
    serve(listen(port));
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void serve(ServerSocket listening) {
    server = listening;
    Thread acceptor = new Thread(() -> {
      while (!listening.isClosed()) {
        try {
          Socket client = listening.accept();
          connections++;
          Socket upstream = new Socket();
          upstream.connect(target, 10_000);
          open.add(client);
          open.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException e) {
          // Closed by a restart or close, or the dashboard refused: the client sees its connection end.
        }
      }
    }, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void pipe(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // One side ended.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }
}
