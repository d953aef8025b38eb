package io.synapse.plugins.kits.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A job log entry: the platform's {@code logs/} item.
 *
 * @param job the job id
 * @param event the event name ({@code message}, a step's own event, ...)
 * @param data the event's data (already redacted)
 * @param datetime when it happened
 * @param step the step (category) it belongs to, or null
 * @param level {@code debug}, {@code info}, {@code warning}, {@code error} or {@code critical}, or null
 */
public record JobLog(String job, String event, Map<String, Object> data, Instant datetime, String step, String level) {
  /** Checks the required parts and copies the data. */
  public JobLog {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(datetime, "datetime");
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** The request item. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event", event);
    json.put("data", data);
    json.put("datetime", datetime.toString());
    json.put("job", job);
    if (step != null) {
      json.put("step", step);
    }
    if (level != null) {
      json.put("level", level);
    }
    return json;
  }
}
