package io.synapse.plugins.events;

/** What an event reports. */
public enum EventType {
  /** A structured log event ({@code log(event, data)}). */
  LOG,
  /** Progress of a category. */
  PROGRESS,
  /** Metrics of a category. */
  METRICS,
  /** A user-visible message. */
  MESSAGE,
  /** A developer debug event. */
  DEV_EVENT
}
