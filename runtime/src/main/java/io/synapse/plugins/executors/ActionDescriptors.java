package io.synapse.plugins.executors;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.errors.ActionNotFoundError;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.discovery.PluginDiscovery;
import io.synapse.plugins.spi.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the generated descriptor of an action class through the registries its class loader sees. */
public final class ActionDescriptors {
  private static final ClassValue<ActionDescriptor<?, ?>> BY_CLASS = new ClassValue<>() {
    @Override
    protected ActionDescriptor<?, ?> computeValue(Class<?> type) {
      return lookUp(type);
    }
  };

  private ActionDescriptors() {}

  /**
   * The descriptor generated for {@code actionClass}, cached per class.
   *
   * @throws ActionNotFoundError when no registry visible to the class's loader lists it (the class
   *     lacks {@code @PluginAction}, or was compiled without the processor)
   */
  public static ActionDescriptor<?, ?> forClass(Class<?> actionClass) {
    return BY_CLASS.get(actionClass);
  }

  private static ActionDescriptor<?, ?> lookUp(Class<?> type) {
    if (!BaseAction.class.isAssignableFrom(type)) {
      throw new ActionNotFoundError("(none)", type.getName(), List.of());
    }
    List<String> seen = new ArrayList<>();
    ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
    for (PluginRegistry registry : ServiceLoader.load(PluginRegistry.class, loader)) {
      for (ActionConfig action : registry.config().actions()) {
        if (action.entrypoint().equals(type.getName())) {
          // A registry of another binder SPI is refused here too, before its descriptor is touched.
          PluginDiscovery.requireCompatible(registry);
          ActionDescriptor<?, ?> descriptor = registry.descriptor(action.name());
          if (descriptor != null && descriptor.actionClass() == type) {
            return descriptor;
          }
        }
        seen.add(registry.config().code() + ":" + action.name());
      }
    }
    throw new ActionNotFoundError("(class path)", type.getName(), seen);
  }
}
