package io.synapse.plugins.processor.validation;

import io.synapse.plugins.processor.Diagnostic;
import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.reading.Annotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Rules about the module as a whole: one plugin, a valid code, unique action names. */
public final class PluginValidator {

  /** Checks the number of plugins against the actions. */
  public void validatePluginCount(List<Element> plugins, List<? extends Element> actions, Report report) {
    if (plugins.size() > 1) {
      for (int i = 0; i < plugins.size(); i++) {
        Element other = plugins.get(i == 0 ? 1 : 0);
        report.add(Diagnostic.DuplicatePlugin, plugins.get(i), other);
      }
    }
    if (plugins.isEmpty()) {
      for (Element action : actions) {
        String name = action instanceof TypeElement type ? type.getQualifiedName().toString()
            : ((TypeElement) action.getEnclosingElement()).getQualifiedName() + "." + action.getSimpleName();
        report.add(Diagnostic.MissingPlugin, action, name);
      }
    }
  }

  /** Checks the plugin's code, facade and action names. */
  public void validate(PluginModel plugin, Report report) {
    if (!Names.CODE.matcher(plugin.code()).matches()) {
      report.at(Diagnostic.InvalidPluginCode, plugin.element(), plugin.mirror(),
          Annotations.explicitValue(plugin.mirror(), "code"), plugin.code(), Names.codeHint(plugin.code(), '_'));
    }
    if (!SourceVersion.isName(plugin.facadeName()) || plugin.facadeName().contains(".")) {
      report.at(Diagnostic.InvalidFacadeName, plugin.element(), plugin.mirror(),
          Annotations.explicitValue(plugin.mirror(), "facade"), plugin.facadeName());
    }
    Map<String, List<ActionModel>> byName = new LinkedHashMap<>();
    for (ActionModel action : plugin.actions()) {
      byName.computeIfAbsent(action.name(), n -> new ArrayList<>()).add(action);
    }
    for (List<ActionModel> sameName : byName.values()) {
      if (sameName.size() > 1) {
        for (ActionModel action : sameName) {
          ActionModel other = sameName.get(sameName.get(0) == action ? 1 : 0);
          report.at(Diagnostic.DuplicateActionName, action.element(), action.mirror(),
              Annotations.explicitValue(action.mirror(), "name"), action.name(), action.entrypoint(), other.entrypoint());
        }
      }
    }
  }
}
