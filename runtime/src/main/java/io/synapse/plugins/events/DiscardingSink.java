package io.synapse.plugins.events;

/** The sink {@link EventSink#discarding()} returns: a class, not a lambda, as it is on the cold-start path. */
final class DiscardingSink implements EventSink {
  static final DiscardingSink INSTANCE = new DiscardingSink();

  private DiscardingSink() {}

  @Override
  public void accept(PluginEvent event) {}
}
