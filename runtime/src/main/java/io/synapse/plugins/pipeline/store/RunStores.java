package io.synapse.plugins.pipeline.store;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.secrets.SecretRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Opens run stores by URL, and says which one a run uses when none is named.
 *
 * <ul>
 *   <li>{@code memory:NAME}: in this process ({@link MemoryRunStore}), one store per name;
 *   <li>{@code jdbc:sqlite:FILE}: an SQLite database file (needs {@code synapse-plugins-pipeline-store});
 *   <li>{@code jdbc:postgresql://HOST:PORT/DB?user=...&password=...}: PostgreSQL, for runs shared by machines
 *       (needs {@code synapse-plugins-pipeline-store}).
 * </ul>
 *
 * The default store ({@link #defaultUrl()}): the system property {@code synapse.pipeline.store}, else the
 * variable {@code SYNAPSE_PIPELINE_STORE}, else {@code jdbc:sqlite:<state dir>/pipelines.db} when a provider
 * for it is on the class path, else {@code memory:default}. The state directory is {@code SYNAPSE_STATE_DIR},
 * else {@code $XDG_STATE_HOME/synapse}, else {@code ~/.local/state/synapse}. Stores are opened once per URL
 * and shared by the process.
 */
public final class RunStores {
  /** The run option (and {@code RunOptions.option} key) naming the store: a URL, or a {@link RunStore}. */
  public static final String OPTION = "pipeline.store";
  private static final ConcurrentMap<String, RunStore> OPEN = new ConcurrentHashMap<>();

  private RunStores() {}

  /**
   * The store at {@code url}, opened on first use and shared.
   *
   * @throws ConfigError when no provider opens the URL (naming the artifact to add) or it cannot be opened
   */
  public static RunStore open(String url) {
    RunStore known = OPEN.get(url);
    return known != null ? known : OPEN.computeIfAbsent(url, RunStores::openNew);
  }

  /** The store a run uses when given {@code option} (the {@value #OPTION} option: null, a URL or a store). */
  public static RunStore resolve(Object option) {
    if (option instanceof RunStore store) {
      return store;
    }
    return open(option == null ? defaultUrl() : String.valueOf(option));
  }

  /** The default store's URL, as the class comment says. */
  public static String defaultUrl() {
    String given = System.getProperty("synapse.pipeline.store");
    if (given == null || given.isBlank()) {
      given = System.getenv("SYNAPSE_PIPELINE_STORE");
    }
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    String sqlite = "jdbc:sqlite:" + stateDir().resolve("pipelines.db");
    return provider(sqlite) != null ? sqlite : "memory:default";
  }

  /** The user's state directory for Synapse, where the default store and run directories live. */
  public static Path stateDir() {
    String explicit = System.getenv("SYNAPSE_STATE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_STATE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("synapse").toAbsolutePath();
  }

  /** Whether {@code store} keeps runs beyond this process. */
  public static boolean isDurable(RunStore store) {
    return !(store instanceof MemoryRunStore);
  }

  /** Closes every store this class opened (tests; a later {@link #open} opens again). */
  public static void closeAll() {
    List<RunStore> stores = new ArrayList<>(OPEN.values());
    OPEN.clear();
    stores.forEach(RunStore::close);
  }

  private static RunStore openNew(String url) {
    if (url.startsWith("memory:")) {
      return new MemoryRunStore(url.substring("memory:".length()));
    }
    RunStoreProvider provider = provider(url);
    if (provider == null) {
      String shown = SecretRule.maskCredentials(url);
      throw new ConfigError("No run store opens '" + shown + "': add the dependency io.synapse.plugins:synapse-plugins-pipeline-store"
          + " (SQLite and PostgreSQL), or give memory:NAME", Map.of("store", shown, "artifact", "io.synapse.plugins:synapse-plugins-pipeline-store"));
    }
    return provider.open(url);
  }

  private static RunStoreProvider provider(String url) {
    for (RunStoreProvider provider : ServiceLoader.load(RunStoreProvider.class, RunStores.class.getClassLoader())) {
      if (provider.accepts(url)) {
        return provider;
      }
    }
    return null;
  }
}
