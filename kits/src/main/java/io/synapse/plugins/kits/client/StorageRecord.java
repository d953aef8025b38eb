package io.synapse.plugins.kits.client;

import java.util.Map;

/**
 * A storage configured on the platform. Its configuration may hold credentials: {@link #toString()}
 * never prints it.
 *
 * @param id the storage id
 * @param name its name
 * @param category {@code internal} or {@code external}
 * @param provider the provider code ({@code file_system}, {@code amazon_s3}, ...)
 * @param configuration the provider configuration ({@code location} for {@code file_system})
 * @param isDefault whether it is the tenant's default storage
 */
public record StorageRecord(long id, String name, String category, String provider, Map<String, Object> configuration,
    boolean isDefault) {
  /** Copies the configuration. */
  public StorageRecord {
    configuration = configuration == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
  }

  /**
   * The local directory of a {@code file_system} storage.
   *
   * @throws io.synapse.plugins.kits.client.BackendError of kind {@code UNSUPPORTED} when the storage is of another
   *     provider ({@link StorageProviders}) or has no location
   */
  public java.nio.file.Path localLocation() {
    Object location = configuration.get("location");
    if (!StorageProviders.isFileSystem(provider)) {
      throw StorageProviders.unsupported(id, provider, "read or write files of", StorageProviders.FILE_SYSTEM);
    }
    if (location == null || String.valueOf(location).isBlank()) {
      throw BackendError.unsupported("storage " + id + " is a file_system storage without a location", Map.of("storage", id,
          "provider", String.valueOf(provider)));
    }
    return java.nio.file.Path.of(String.valueOf(location));
  }

  /** Names the storage without its configuration. */
  @Override
  public String toString() {
    return "StorageRecord[id=" + id + ", name=" + name + ", category=" + category + ", provider=" + provider
        + ", configuration=(" + configuration.size() + " entries, not shown), isDefault=" + isDefault + "]";
  }
}
