package io.synapse.examples.ray;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.ray.RayActorExecutor;
import java.time.Duration;

/**
 * A driver JVM for {@link RayTaskFaultsTest}: starts a pool on the head at {@code args[0]}, prints
 * {@code READY} (arguments: the GCS address and the dashboard URL), runs a minute-long call, and prints how it ended. Its own JVM, because a Ray Java
 * driver cannot connect to another head once its own is gone.
 */
public final class HeadStopDriver {
  private HeadStopDriver() {}

  /** Prints {@code READY}, then {@code RESULT ...} or {@code ERROR <class> <code> <millis>}. */
  public static void main(String[] args) {
    RayActorExecutor pool = RayActorExecutor.builder().address(args[0]).dashboardUrl(args[1]).sink(EventSink.discarding())
        .callTimeout(Duration.ofSeconds(90)).scheduleTimeout(Duration.ofSeconds(120)).build();
    System.out.println("READY " + pool.workerPids());
    long started = System.nanoTime();
    try {
      Echo echo = RayDemo.echo(new EchoParams("slow", 60_000, false), pool);
      System.out.println("RESULT " + echo.message());
    } catch (PluginError e) {
      System.out.println("ERROR " + e.getClass().getName() + " " + e.code() + " " + (System.nanoTime() - started) / 1_000_000);
    }
    System.out.flush();
    System.exit(0);
  }
}
