package io.synapse.plugins.executors.ray;

import io.synapse.plugins.ExecutionMode;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Map;

/** A minimal descriptor of action {@code count} of plugin {@code demo}, whose result is a JSON map. */
final class FakeDescriptor implements ActionDescriptor<NoParams, Map<String, Object>> {
  static final FakeDescriptor INSTANCE = new FakeDescriptor();

  @Override public String pluginCode() { return "demo"; }
  @Override public ActionConfig config() {
    return new ActionConfig("count", "Count", "", "x.Count", ExecutionMode.TASK, PluginCategory.CUSTOM, "", "",
        NoParams.class.getName(), "java.util.Map");
  }
  @Override public Class<? extends BaseAction<NoParams, Map<String, Object>>> actionClass() { return null; }
  @Override public Class<NoParams> paramsType() { return NoParams.class; }
  @Override public BaseAction<NoParams, Map<String, Object>> newAction() { throw new UnsupportedOperationException(); }
  @Override public NoParams bindParams(Object params) { return NoParams.INSTANCE; }
  @Override public Map<String, Object> writeParams(NoParams params) { return Map.of(); }
  @Override public Object writeResult(Map<String, Object> result) { return result; }
  @SuppressWarnings("unchecked")
  @Override public Map<String, Object> readResult(Object value) { return (Map<String, Object>) value; }
}
