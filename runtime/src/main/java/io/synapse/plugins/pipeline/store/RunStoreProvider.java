package io.synapse.plugins.pipeline.store;

/**
 * Opens run stores of one kind by URL: found through {@link java.util.ServiceLoader} by {@link RunStores}.
 * The runtime has the {@code memory:} provider; {@code synapse-plugins-pipeline-store} adds
 * {@code jdbc:sqlite:} and {@code jdbc:postgresql:}.
 */
public interface RunStoreProvider {

  /** Whether this provider opens {@code url}. */
  boolean accepts(String url);

  /**
   * Opens (and creates or migrates, where the store has a schema) the store at {@code url}.
   *
   * @throws io.synapse.plugins.errors.ConfigError when the URL is malformed or the store cannot be opened
   */
  RunStore open(String url);
}
