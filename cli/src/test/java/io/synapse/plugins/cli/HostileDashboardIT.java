package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synapse job ...} against dashboards on loopback that answer endlessly, hugely or not at all: the
 * packaged command line, in a JVM of its own with a small heap, ends within its request timeout with one
 * error line (exit 5), never out of memory and never hung.
 */
class HostileDashboardIT {
  private final java.nio.file.Path jar = Processes.required("synapse.cli.jar");
  @TempDir java.nio.file.Path temp;

  /** Answers every connection by writing {@code head}, then {@code piece} forever (or, when null, nothing more, ever). */
  private static ServerSocket serve(String head, byte[] piece) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Thread answer = new Thread(() -> {
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
              in.read(new byte[8192]);
              out.write(head.getBytes(StandardCharsets.ISO_8859_1));
              out.flush();
              while (true) {
                if (piece == null) {
                  Thread.sleep(1000);
                } else {
                  out.write(piece);
                }
              }
            } catch (IOException | InterruptedException e) {
              // The command line hung up.
            }
          });
          answer.setDaemon(true);
          answer.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  private Processes.Outcome synapse(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx96m", "-cp", jar.toString(), SynapseCli.class.getName()));
    command.addAll(List.of(args));
    return Processes.run(temp, command, 150);
  }

  @Test
  void endlessAndHugeRepliesEndInOneErrorLine() throws Exception {
    byte[] chunk = ("8000\r\n" + "x".repeat(0x8000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    // A reply that looks like the start of a log, and never ends.
    String chunked = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\na\r\n{\"logs\": \"\r\n";
    try (ServerSocket endless = serve(chunked, chunk)) {
      String url = "http://127.0.0.1:" + endless.getLocalPort();
      for (List<String> args : List.of(List.of("job", "list"), List.of("job", "logs", "some-job"), List.of("job", "status", "some-job"),
          List.of("job", "progress", "some-job"), List.of("job", "wait", "some-job", "--timeout", "30s"))) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--dashboard", url));
        long started = System.nanoTime();
        Processes.Outcome r = synapse(all.toArray(String[]::new));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertEquals(ExitCodes.EXECUTION, r.exitCode(), args + "\n" + r);
        assertTrue(r.err().startsWith("error: The Ray dashboard at " + url) && r.err().contains("with more than"), args + "\n" + r);
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("Exception in thread"), r::toString);
        assertTrue(seconds < 120, args + " took " + seconds + " s");
      }
    }
  }

  @Test
  void aDashboardThatNeverAnswersEndsAfterTheRequestTimeout() throws Exception {
    try (ServerSocket silent = serve("", null)) {
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      for (List<String> args : List.of(List.of("job", "list"), List.of("job", "logs", "-f", "some-job"), List.of("job", "stop", "some-job"))) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--dashboard", url, "--request-timeout", "3s"));
        long started = System.nanoTime();
        Processes.Outcome r = synapse(all.toArray(String[]::new));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertTrue(r.exitCode() == ExitCodes.EXECUTION || r.exitCode() == ExitCodes.CONFIG, args + "\n" + r);
        assertTrue(r.err().startsWith("error: "), r::toString);
        assertTrue(seconds < 120, args + " took " + seconds + " s");
      }
    }
  }
}
