package io.synapse.plugins.kits.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;

/** A byte range of a file as a request body, read as it is sent (a part of a multipart upload is never held whole). */
final class FileRange {
  private FileRange() {}

  static Flow.Publisher<java.nio.ByteBuffer> publisher(Path file, long offset, long length) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> open(file, offset, length));
  }

  private static InputStream open(Path file, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(offset);
      InputStream whole = Channels.newInputStream(channel);
      return new InputStream() {
        private long left = length;

        @Override
        public int read() throws IOException {
          if (left <= 0) {
            return -1;
          }
          int b = whole.read();
          if (b >= 0) {
            left--;
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          if (left <= 0) {
            return -1;
          }
          int n = whole.read(buffer, off, (int) Math.min(len, left));
          if (n > 0) {
            left -= n;
          }
          return n;
        }

        @Override
        public void close() throws IOException {
          whole.close();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
