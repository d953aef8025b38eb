package io.synapse.plugins.errors;

import io.synapse.plugins.names.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin has no action of that name. {@code details().get("available")} lists the plugin's
 * actions and {@code details().get("suggestion")} holds the closest name, when one is close.
 */
public final class ActionNotFoundError extends PluginError {
  private static final long serialVersionUID = 1L;

  private final List<String> available;
  private final String suggestion;

  /** An error for {@code action} missing from {@code plugin}, which has {@code available}. */
  public ActionNotFoundError(String plugin, String action, List<String> available) {
    this(plugin, action, List.copyOf(available), Suggestions.closest(action, available).orElse(null));
  }

  private ActionNotFoundError(String plugin, String action, List<String> available, String suggestion) {
    super("action_not_found", message(plugin, action, available, suggestion), details(plugin, action, available, suggestion));
    this.available = available;
    this.suggestion = suggestion;
  }

  /** The actions the plugin does have. */
  public List<String> available() {
    return available;
  }

  /** The closest available action name, if any is close. */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }

  private static String message(String plugin, String action, List<String> available, String suggestion) {
    StringBuilder text = new StringBuilder("Plugin '").append(plugin).append("' has no action '").append(action).append("'");
    if (suggestion != null) {
      text.append("; did you mean '").append(suggestion).append("'?");
    }
    return text.append(" Available actions: ").append(available.isEmpty() ? "(none)" : String.join(", ", available)).toString();
  }

  private static Map<String, Object> details(String plugin, String action, List<String> available, String suggestion) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("plugin", plugin);
    details.put("action", action);
    details.put("available", available);
    if (suggestion != null) {
      details.put("suggestion", suggestion);
    }
    return details;
  }
}
