package io.synapse.plugins.events;

import io.synapse.plugins.context.RuntimeContext;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event an action reported through its {@link RuntimeContext}.
 *
 * @param type what it reports
 * @param level its severity
 * @param action the action that reported it
 * @param category the progress/metrics category or step; for logs, null unless given
 * @param name the event name of a log or dev event, null otherwise
 * @param message the text of a message event or of a logger's record (a log event), null otherwise
 * @param data the event's data (metrics, log data); empty when none
 * @param progress the progress of a progress event, null otherwise
 * @param timestamp when it was reported
 * @param jobId the job id of the run, null when none
 * @param plugin the code of the plugin whose action reported it, null when unknown
 */
public record PluginEvent(
    EventType type,
    System.Logger.Level level,
    String action,
    String category,
    String name,
    String message,
    Map<String, Object> data,
    Progress progress,
    Instant timestamp,
    String jobId,
    String plugin) {

  /** Checks the required parts and copies the data. */
  public PluginEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(timestamp, "timestamp");
    data = data == null ? Map.of() : data;
  }

  /** An event whose plugin is not known (null), as events were before they named it. */
  public PluginEvent(EventType type, System.Logger.Level level, String action, String category, String name, String message,
      Map<String, Object> data, Progress progress, Instant timestamp, String jobId) {
    this(type, level, action, category, name, message, data, progress, timestamp, jobId, null);
  }

  /**
   * Progress of one category.
   *
   * @param current how far
   * @param total out of how much (above 0)
   */
  public record Progress(long current, long total) {

    /** The completed percentage, 0 to 100. */
    public double percent() {
      return total <= 0 ? 0 : Math.min(100.0, 100.0 * current / total);
    }
  }
}
