package io.synapse.plugins.errors;

import io.synapse.plugins.internal.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin declares no pipeline of that name. {@code details()} hold {@code plugin}, {@code pipeline},
 * {@code available} (the pipelines it has) and, when one is close, {@code suggestion}.
 */
public final class PipelineNotFoundError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** An error for {@code pipeline} missing from {@code plugin}, which declares {@code available}. */
  public PipelineNotFoundError(String plugin, String pipeline, List<String> available) {
    super("pipeline_not_found", message(plugin, pipeline, available), details(plugin, pipeline, available));
  }

  private static String message(String plugin, String pipeline, List<String> available) {
    StringBuilder text = new StringBuilder("Plugin '").append(plugin).append("' has no pipeline '").append(pipeline).append("'");
    Suggestions.closest(pipeline, available).ifPresent(s -> text.append("; did you mean '").append(s).append("'?"));
    return text.append(" Available pipelines: ").append(available.isEmpty() ? "(none)" : String.join(", ", available)).toString();
  }

  private static Map<String, Object> details(String plugin, String pipeline, List<String> available) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", plugin);
    details.put("pipeline", pipeline);
    details.put("available", List.copyOf(available));
    Suggestions.closest(pipeline, available).ifPresent(s -> details.put("suggestion", s));
    return details;
  }
}
