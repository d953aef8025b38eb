package io.synapse.plugins.kits.upload;

import io.synapse.plugins.errors.PluginError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metadata file the upload kit will not read: too large, too many rows or columns, not a workbook, no header.
 * Its details name the {@code file} (its name only), the {@code violation} and, for limits, the {@code limit} and
 * the {@code actual} value reached. Code {@code upload_metadata_invalid}.
 */
public final class MetadataError extends PluginError {
  private static final long serialVersionUID = 1L;

  MetadataError(String file, String violation, String message, Long limit, Long actual, Throwable cause) {
    super("upload_metadata_invalid", message, details(file, violation, limit, actual), cause);
  }

  /** What was wrong: {@code size}, {@code rows}, {@code columns}, {@code format}, {@code header} or {@code read}. */
  public String violation() {
    return String.valueOf(details().get("violation"));
  }

  private static Map<String, Object> details(String file, String violation, Long limit, Long actual) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("file", file);
    details.put("violation", violation);
    if (limit != null) {
      details.put("limit", limit);
      details.put("actual", actual);
    }
    return details;
  }
}
