package io.synapse.plugins.kits.internal;

import io.synapse.plugins.environment.PluginEnvironment;
import java.nio.file.Path;

/** Where the kits cache downloads: {@value #CACHE_VARIABLE}, else {@code <java.io.tmpdir>/synapse-kits}. */
public final class KitPaths {
  /** The environment variable naming the cache directory. */
  public static final String CACHE_VARIABLE = "SYNAPSE_KITS_CACHE";

  private KitPaths() {}

  /** The cache root of a run with {@code env}. */
  public static Path cacheRoot(PluginEnvironment env) {
    String configured = env.get(CACHE_VARIABLE).orElse(null);
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "synapse-kits");
  }

  /** A short stable hash of {@code text} (for cache keys that must not spell out a URL). */
  public static String hash(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
