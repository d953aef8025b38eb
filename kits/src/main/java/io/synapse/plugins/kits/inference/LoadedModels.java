package io.synapse.plugins.kits.inference;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The loaded models of this JVM, least recently used first, at most as many as asked for: a model
 * loads once per worker (TASK actors keep theirs between calls) and an evicted model that is
 * {@link AutoCloseable} is closed.
 */
final class LoadedModels {
  private static final Map<String, Object> MODELS = new LinkedHashMap<>(16, 0.75f, true);

  private LoadedModels() {}

  static synchronized Object get(String key, int capacity, Callable<Object> loader) throws Exception {
    Object model = MODELS.get(key);
    if (model != null) {
      return model;
    }
    model = loader.call();
    MODELS.put(key, model);
    Iterator<Map.Entry<String, Object>> oldest = MODELS.entrySet().iterator();
    while (MODELS.size() > Math.max(1, capacity) && oldest.hasNext()) {
      Object evicted = oldest.next().getValue();
      oldest.remove();
      if (evicted instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception ignored) {
          // An eviction must not fail the run that loads another model.
        }
      }
    }
    return model;
  }

  static synchronized int size() {
    return MODELS.size();
  }

  static synchronized void clear() {
    MODELS.clear();
  }
}
