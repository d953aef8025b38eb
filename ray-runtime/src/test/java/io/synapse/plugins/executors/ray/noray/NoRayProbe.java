package io.synapse.plugins.executors.ray.noray;

import io.synapse.plugins.errors.PluginError;
import io.synapse.plugins.executors.ray.RayActorExecutor;

/** Run by {@code RayMissingTest} in a JVM without Ray's jars: builds a pool and prints what it got. */
public final class NoRayProbe {
  private NoRayProbe() {}

  /**
   * Builds a pool with the address in {@code args[0]}, or none if no argument is given.
   *
   * @param args an optional cluster address
   */
  public static void main(String[] args) {
    RayActorExecutor.Builder builder = RayActorExecutor.builder();
    if (args.length > 0) {
      builder.address(args[0]);
    }
    try {
      builder.build().close();
      System.out.println("BUILT");
    } catch (PluginError e) {
      System.out.println("ERROR " + e.getClass().getSimpleName() + " " + e.code() + " " + e.getMessage());
    } catch (Throwable e) {
      System.out.println("RAW " + e);
    }
  }
}
