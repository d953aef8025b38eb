package io.synapse.plugins.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 requests written byte for byte (hostile Host headers, raw paths, bodies), with bounded reads. */
final class RawHttp {
  /** A response: its status and what was read of it (headers and body). */
  record Response(int status, String text) {
    String body() {
      int blank = text.indexOf("\r\n\r\n");
      return blank < 0 ? "" : text.substring(blank + 4);
    }
  }

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, no blank line) and {@code body}; reads up to 1 MiB for 20 s. */
  static Response send(int port, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // The server may answer (413) and close before the whole body is sent: read what it said.
      }
      return read(socket.getInputStream());
    }
  }

  static Response get(int port, String path, String host) throws IOException {
    return send(port, "GET " + path + " HTTP/1.1\r\nHost: " + host, new byte[0]);
  }

  private static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while (bytes.size() < 1024 * 1024 && (n = in.read(buffer)) >= 0) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // Keep what was read.
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    if (!text.startsWith("HTTP/1.1 ")) {
      return new Response(-1, text);
    }
    return new Response(Integer.parseInt(text.substring(9, 12)), text);
  }
}
