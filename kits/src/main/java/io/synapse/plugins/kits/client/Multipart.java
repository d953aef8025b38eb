package io.synapse.plugins.kits.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and file parts, built in memory. The
 * JDK's HTTP client has none; the bodies the kits send this way are one upload chunk or one small
 * file, so memory is bounded by the chunk size.
 */
final class Multipart {
  private final String boundary = "synapse-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** Adds a text field. */
  Multipart field(String name, String value) {
    part("Content-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n");
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** Adds a file part. */
  Multipart file(String name, String fileName, byte[] bytes) {
    part("Content-Disposition: form-data; name=\"" + quote(name) + "\"; filename=\"" + quote(fileName) + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(body.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return HttpRequest.BodyPublishers.ofByteArray(copy.toByteArray());
  }

  private void part(String headers) {
    body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
  }

  // Quotes and line breaks cannot appear inside a quoted header value.
  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "%22").replace("\r", " ").replace("\n", " ");
  }
}
