package io.synapse.plugins.kits.client;

import io.synapse.plugins.PluginRunner;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.executors.LocalExecutor;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Map;

/** The local backend's default way to run a plugin: LOCAL, in this JVM, found by code on the class path. */
final class LocalPluginRuns {
  private LocalPluginRuns() {}

  static LocalBackendClient.PluginRunnerHook inProcess(Map<String, String> env) {
    LocalExecutor executor = LocalExecutor.builder().env(PluginEnvironment.of(env)).sink(EventSink.discarding()).build();
    return (code, action, params) -> {
      PluginDiscovery plugin = PluginRunner.discover(code);
      return run(plugin.descriptor(action), params, executor);
    };
  }

  private static <P extends Record, R> Object run(ActionDescriptor<P, R> descriptor, Map<String, Object> params, LocalExecutor executor) {
    return descriptor.writeResult(executor.execute(descriptor, params));
  }
}
