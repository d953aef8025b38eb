package io.synapse.plugins.executors.ray;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.executors.remote.ResultSeal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The submitting side's secret, from which every job's result key, marker and request digest are derived:
 * 32 random bytes in a per-user file ({@link #defaultFile()}, mode 0600), made on the first submit. Because
 * the secret lives on the submitting machine and never travels (only keys derived from it for one
 * submission id do, inside that job's request package), a driver that attaches to a job by id later,
 * in another process, still tells the jobs it submitted from any other job, whatever their metadata or
 * log say. Without the file no result can be verified; a file that others may read, a link, or one that
 * is not 64 hex digits is refused.
 */
final class ResultKeys {
  /** The key file's name in the state directory. */
  static final String FILE_NAME = "job-results.key";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Path file;
  private volatile byte[] secret;

  ResultKeys(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /**
   * Where the key lives unless the builder says otherwise: {@code $SYNAPSE_STATE_DIR} (or the system property
   * {@code synapse.state.dir}), else {@code $XDG_STATE_HOME/synapse}, else {@code ~/.local/state/synapse};
   * the file {@value #FILE_NAME} in it.
   */
  static Path defaultFile() {
    String property = System.getProperty("synapse.state.dir");
    String env = System.getenv("SYNAPSE_STATE_DIR");
    String xdg = System.getenv("XDG_STATE_HOME");
    Path directory;
    if (property != null && !property.isBlank()) {
      directory = Path.of(property);
    } else if (env != null && !env.isBlank()) {
      directory = Path.of(env);
    } else if (xdg != null && !xdg.isBlank()) {
      directory = Path.of(xdg, "synapse");
    } else {
      directory = Path.of(System.getProperty("user.home"), ".local", "state", "synapse");
    }
    return directory.resolve(FILE_NAME);
  }

  /** The key file. */
  Path file() {
    return file;
  }

  /**
   * The secret, made (and the file written, owner-only) when there is none yet. Concurrent first submits,
   * in threads or processes, end with one secret: the file appears whole, by a hard link, or not at all.
   *
   * @throws ConfigError when the file cannot be written, or exists and is refused (see {@link #load()})
   */
  byte[] loadOrCreate() {
    Optional<byte[]> existing = load();
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      Path directory = file.getParent();
      if (!Files.isDirectory(directory)) {
        // A directory made here is the user's alone; one that exists is left as the user made it.
        Files.createDirectories(directory);
        restrictToOwner(directory, PosixFilePermissions.fromString("rwx------"));
      }
      Path temporary = Files.createTempFile(directory, "." + FILE_NAME + ".", ".tmp");
      try {
        restrictToOwner(temporary, OWNER_ONLY);
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Files.writeString(temporary, HEX.formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
        try {
          Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
          // Another submit made it first: its key is the one.
        } catch (UnsupportedOperationException | IOException noHardLinks) {
          if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(temporary, file);
          }
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new ConfigError("Cannot write the job result key " + file + ": " + e, Map.of("key_file", file.toString()), e);
    }
    return load().orElseThrow(() -> new ConfigError("The job result key " + file + " vanished while it was made",
        Map.of("key_file", file.toString())));
  }

  /**
   * The secret, or empty when the file does not exist.
   *
   * @throws ConfigError when the file is a link, not a regular file, readable or writable by others, or not 64
   *     hex digits
   */
  Optional<byte[]> load() {
    byte[] known = secret;
    if (known != null) {
      return Optional.of(known);
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw refused("is not a regular file (a link or something else)");
    }
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      if (view != null) {
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (!OWNER_ONLY.containsAll(permissions)) {
          throw refused("is not private to its owner (" + PosixFilePermissions.toString(permissions) + "; chmod 600 it)");
        }
      }
      if (Files.size(file) > 256) {
        throw refused("is not a key (too long)");
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (text.length() != 64) {
        throw refused("is not a key (64 hex digits)");
      }
      byte[] parsed = HEX.parseHex(text);
      secret = parsed;
      return Optional.of(parsed);
    } catch (IllegalArgumentException e) {
      throw refused("is not a key (64 hex digits)");
    } catch (IOException e) {
      throw new ConfigError("Cannot read the job result key " + file + ": " + e, Map.of("key_file", file.toString()), e);
    }
  }

  private ConfigError refused(String why) {
    return new ConfigError("The job result key " + file + " " + why + "; job results cannot be verified with it",
        Map.of("key_file", file.toString()));
  }

  private static void restrictToOwner(Path path, Set<PosixFilePermission> permissions) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view != null) {
      view.setPermissions(permissions);
    }
  }

  /** The key job {@code submissionId} seals its outcome with. */
  static byte[] resultKey(byte[] secret, String submissionId) {
    return ResultSeal.hmac(secret, "synapse job result key", submissionId);
  }

  /**
   * The tag in job {@code submissionId}'s metadata that says this secret's holder submitted it: bound to the
   * id, so it cannot be copied onto another job.
   */
  static String submitterTag(byte[] secret, String submissionId) {
    return HEX.formatHex(ResultSeal.hmac(secret, "synapse job submitter", submissionId), 0, 16);
  }

  /** Whether {@code tag} is job {@code submissionId}'s submitter tag under {@code secret}. */
  static boolean isSubmitterTag(byte[] secret, String submissionId, Object tag) {
    return tag instanceof String text && java.security.MessageDigest.isEqual(text.getBytes(StandardCharsets.US_ASCII),
        submitterTag(secret, submissionId).getBytes(StandardCharsets.US_ASCII));
  }

  /** The text that frames job {@code submissionId}'s outcome in its log. */
  static String marker(byte[] secret, String submissionId) {
    return HEX.formatHex(ResultSeal.hmac(secret, "synapse job marker", submissionId), 0, 16);
  }

  /** A digest of a request's canonical text that only the holder of the secret can make (no secret param can be guessed from it). */
  static String requestDigest(byte[] secret, String canonicalRequest) {
    return HEX.formatHex(ResultSeal.hmac(secret, "synapse job request", canonicalRequest));
  }
}
