package io.synapse.plugins.pipeline.jdbc;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.pipeline.store.RunStore;
import io.synapse.plugins.pipeline.store.RunStoreProvider;
import io.synapse.plugins.secrets.SecretRule;
import java.util.Map;

/** Opens {@code jdbc:sqlite:} and {@code jdbc:postgresql:} run stores; registered through {@code META-INF/services}. */
public final class JdbcRunStoreProvider implements RunStoreProvider {

  /** For {@link java.util.ServiceLoader}. */
  public JdbcRunStoreProvider() {}

  @Override
  public boolean accepts(String url) {
    return url != null && Dialect.of(url) != null;
  }

  @Override
  public RunStore open(String url) {
    Dialect dialect = Dialect.of(url);
    if (dialect == null) {
      throw new ConfigError("Not a run store URL this provider opens: " + SecretRule.maskCredentials(url), Map.of());
    }
    try {
      return new JdbcRunStore(url, dialect);
    } catch (PluginError e) {
      throw new ConfigError("Cannot open the run store " + SecretRule.maskCredentials(url) + ": " + e.getMessage(),
          Map.of("store", SecretRule.maskCredentials(url)), e);
    }
  }
}
