package io.synapse.plugins.kits.inference;

import java.util.List;
import java.util.Map;

/** What the inference kit reads from an action's params record, which implements this interface. */
public interface InferenceRequest {
  /** The model to run (downloaded and loaded once per JVM). */
  Long model();

  /** The inputs, one JSON object each. */
  List<Map<String, Object>> inputs();

  /** A file under which the predictions are also written as JSON, or null. */
  default String outputPath() {
    return null;
  }
}
