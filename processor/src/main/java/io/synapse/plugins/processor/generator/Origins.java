package io.synapse.plugins.processor.generator;

import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.PipelineModel;
import io.synapse.plugins.processor.model.PluginModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;

/** The elements a plugin-wide resource is generated from: the {@code @Plugin} element, every action and every declared pipeline's element. */
final class Origins {
  private Origins() {}

  /** {@code plugin}'s element, its actions' and its pipelines' (those a model built without javac lacks are left out). */
  static List<Element> of(PluginModel plugin) {
    List<Element> origins = new ArrayList<>();
    if (plugin.element() != null) {
      origins.add(plugin.element());
    }
    for (ActionModel action : plugin.actions()) {
      if (action.element() != null) {
        origins.add(action.element());
      }
    }
    for (PipelineModel pipeline : plugin.pipelines()) {
      // Pipelines are declared on the plugin's package or on an action: often an element already listed.
      if (pipeline.element() != null && !origins.contains(pipeline.element())) {
        origins.add(pipeline.element());
      }
    }
    return origins;
  }
}
