package io.synapse.plugins.kits.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The storage provider codes the platform knows, and which of them the kits read and write. The kits work on
 * {@code file_system} (alias {@code local}) storages, whose location is a directory, and the export kit also
 * publishes to {@code http} ({@code https}) storages; the platform's object stores and shares ({@code amazon_s3},
 * {@code s3}, {@code minio}, {@code gcs}, {@code gs}, {@code gcp}, {@code sftp}, {@code smb}, {@code synology})
 * are known but not supported, and any other code is unknown. Both give a {@link BackendError} of kind
 * {@code UNSUPPORTED} naming the storage, its provider and what is supported.
 */
public final class StorageProviders {
  /** Directory storages. */
  public static final List<String> FILE_SYSTEM = List.of("file_system", "local");
  /** HTTP file servers (PUT or POST of a multipart {@code file}). */
  public static final List<String> HTTP = List.of("http", "https");
  /** Providers of the platform the kits do not read or write. */
  public static final List<String> NOT_SUPPORTED = List.of("amazon_s3", "s3", "minio", "gcs", "gs", "gcp", "sftp", "smb", "synology");

  private StorageProviders() {}

  /** Whether {@code provider} is a directory storage. */
  public static boolean isFileSystem(String provider) {
    return provider != null && FILE_SYSTEM.contains(provider.toLowerCase(Locale.ROOT));
  }

  /** Whether {@code provider} is an HTTP file server. */
  public static boolean isHttp(String provider) {
    return provider != null && HTTP.contains(provider.toLowerCase(Locale.ROOT));
  }

  /**
   * The error for a storage whose provider {@code use} cannot work with.
   *
   * @param use what the kit wanted to do ({@code "read an upload from"}, {@code "export to"})
   * @param supported the providers that use accepts
   */
  public static BackendError unsupported(long storageId, String provider, String use, List<String> supported) {
    String code = String.valueOf(provider);
    boolean known = NOT_SUPPORTED.contains(code.toLowerCase(Locale.ROOT)) || isFileSystem(code) || isHttp(code);
    String message = known
        ? "storage " + storageId + " is a '" + code + "' storage, and the kits cannot " + use + " it (supported: "
            + String.join(", ", supported) + "; object stores, SFTP, SMB and Synology are not)"
        : "storage " + storageId + " has the unknown provider '" + code + "'; the kits can " + use + " " + String.join(", ", supported);
    return BackendError.unsupported(message, Map.of("storage", storageId, "provider", code, "supported", supported, "known", known));
  }
}
