package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The local backend's side of the batched upload: targets are staging files under {@code presigned/} of the tree,
 * named by a random key; a PUT writes into one, a confirmation checks its size and checksum and turns it into a data
 * file. Large files get multipart targets as the platform's would, so both shapes run on one machine.
 */
final class LocalPresigned {
  static final String SCHEME = "local-presigned:";
  private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

  private final Path staging;
  private final long multipartThreshold;
  private final long partSize;

  LocalPresigned(Path root, long multipartThreshold, long partSize) {
    this.staging = root.resolve("presigned");
    this.multipartThreshold = multipartThreshold;
    this.partSize = partSize;
  }

  List<PresignedUpload.Target> request(List<PresignedUpload.FileInfo> files) {
    List<PresignedUpload.Target> targets = new ArrayList<>();
    for (PresignedUpload.FileInfo file : files) {
      if (file.size() < 0) {
        throw BackendError.invalid("file " + file.filename() + " has a negative size", Map.of("file", String.valueOf(file.filename())));
      }
      String key = UUID.randomUUID().toString();
      if (file.size() > multipartThreshold) {
        List<PresignedUpload.Part> parts = new ArrayList<>();
        long count = (file.size() + partSize - 1) / partSize;
        for (int n = 1; n <= count; n++) {
          parts.add(new PresignedUpload.Part(n, SCHEME + key + "?offset=" + (n - 1) * partSize));
        }
        targets.add(new PresignedUpload.Target(file.filename(), key, null, new PresignedUpload.Multipart("mp-" + key, partSize, parts)));
      } else {
        targets.add(new PresignedUpload.Target(file.filename(), key, SCHEME + key + "?offset=0", null));
      }
    }
    return targets;
  }

  String put(String url, Path file, long offset, long length) {
    if (url == null || !url.startsWith(SCHEME)) {
      throw BackendError.invalid("the local backend takes presigned PUTs to its own " + SCHEME + " targets only", Map.of());
    }
    String rest = url.substring(SCHEME.length());
    int query = rest.indexOf("?offset=");
    String key = query < 0 ? rest : rest.substring(0, query);
    if (!KEY.matcher(key).matches()) {
      throw BackendError.invalid("not a presigned target of this backend", Map.of());
    }
    long at;
    try {
      at = query < 0 ? 0 : Long.parseLong(rest.substring(query + "?offset=".length()));
    } catch (NumberFormatException e) {
      throw BackendError.invalid("not a presigned target of this backend", Map.of());
    }
    try {
      Files.createDirectories(staging);
      try (FileChannel out = FileChannel.open(staging.resolve(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          InputStream in = Files.newInputStream(file)) {
        in.skipNBytes(offset);
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        long position = at;
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            break;
          }
          out.write(ByteBuffer.wrap(buffer, 0, n), position);
          position += n;
          left -= n;
        }
      }
      return "\"" + key.substring(0, 8) + "-" + at + "\"";
    } catch (IOException e) {
      throw BackendError.storage("cannot write the presigned target: " + e.getMessage(), e);
    }
  }

  List<PresignedUpload.Confirmed> confirm(List<PresignedUpload.Uploaded> files, Function<Path, DataFile> create) {
    List<PresignedUpload.Confirmed> results = new ArrayList<>();
    for (PresignedUpload.Uploaded file : files) {
      String key = file.fileKey();
      Path staged = key != null && KEY.matcher(key).matches() ? staging.resolve(key) : null;
      try {
        if (staged == null || !Files.isRegularFile(staged)) {
          results.add(new PresignedUpload.Confirmed(key, file.checksum(), null, false, "no upload with this key"));
          continue;
        }
        if (Files.size(staged) != file.size() || !FileTrees.sha1(staged).equals(file.checksum())) {
          Files.deleteIfExists(staged);
          results.add(new PresignedUpload.Confirmed(key, file.checksum(), null, false, "size or checksum does not match the bytes stored"));
          continue;
        }
        DataFile created = create.apply(staged);
        Files.deleteIfExists(staged);
        results.add(new PresignedUpload.Confirmed(key, created.checksum(), created.id(), true, null));
      } catch (IOException e) {
        throw BackendError.storage("cannot confirm upload " + key + ": " + e.getMessage(), e);
      }
    }
    return results;
  }
}
