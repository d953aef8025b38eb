package io.synapse.plugins.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes written by code the command line does not control (an action's {@code System.out} and
 * {@code System.err}, libraries' logging) decoded, masked by a {@link RedactingWriter} and written
 * to {@code target} again. A character split across two writes is decoded whole, and a line is
 * forwarded when it ends (or when this stream is closed), not when the writer flushes halfway.
 */
final class RedactingOutputStream extends OutputStream {
  private final Writer writer;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);

  RedactingOutputStream(OutputStream target, Charset charset, Secrets secrets) {
    this.writer = new RedactingWriter(new OutputStreamWriter(target, charset), secrets, true);
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] data, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int chunk = Math.min(bytes.remaining(), length - done);
      bytes.put(data, offset + done, chunk);
      done += chunk;
      decode();
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    decode();
    writer.flush();
  }

  /** Forwards everything held, unfinished lines too; the target stream is left open. */
  @Override
  public synchronized void close() throws IOException {
    decode();
    writer.close();
  }

  // Decodes what is complete; the bytes of a character not yet complete stay for the next write.
  private void decode() throws IOException {
    bytes.flip();
    while (true) {
      CoderResult result = decoder.decode(bytes, chars, false);
      chars.flip();
      writer.write(chars.array(), chars.position(), chars.remaining());
      chars.clear();
      if (result.isUnderflow()) {
        break;
      }
    }
    bytes.compact();
  }
}
