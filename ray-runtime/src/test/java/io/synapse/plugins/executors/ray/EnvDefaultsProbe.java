package io.synapse.plugins.executors.ray;

import io.synapse.plugins.RunOptions;
import io.synapse.plugins.errors.PluginError;

/**
 * Run by {@code RayDefaultsTest} in a JVM of its own, with the environment under test: prints where the Java
 * API would go with no address or dashboard given, as {@code runPlugin} with {@code RunOptions.defaults()} and
 * {@code RayActorExecutor.builder()} resolve them. Loads no Ray class.
 */
final class EnvDefaultsProbe {
  private EnvDefaultsProbe() {}

  public static void main(String[] args) {
    System.out.println("job=" + RayJobBackend.executor(RunOptions.defaults()).dashboardUrl());
    try {
      TaskSettings task = RayActorExecutor.builder().settings();
      System.out.println("task=" + task.address() + " " + task.cluster().dashboardUrl());
    } catch (PluginError e) {
      System.out.println("task error " + e.code() + ": " + e.getMessage());
    }
  }
}
