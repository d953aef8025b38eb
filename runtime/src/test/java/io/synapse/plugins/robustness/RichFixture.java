package io.synapse.plugins.robustness;

import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.config.ActionConfig;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.spi.ActionDescriptor;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An action over {@link RichParams} that hands back the params it received and counts its starts. */
final class RichFixture {
  static final AtomicInteger STARTED = new AtomicInteger();
  static final ActionConfig CONFIG = new ActionConfig("rich", "Rich", "Echoes its params", EchoAction.class.getName(),
      RunMethod.TASK, PluginCategory.CUSTOM, "", "", RichParams.class.getName(), RichParams.class.getName());

  private RichFixture() {}

  /** Returns its params as they arrived. */
  public static final class EchoAction extends BaseAction<RichParams, RichParams> {
    @Override
    public RichParams execute() {
      STARTED.incrementAndGet();
      return params();
    }
  }

  /** The descriptor the processor would generate. */
  static final class Descriptor implements ActionDescriptor<RichParams, RichParams> {
    static final Descriptor INSTANCE = new Descriptor();

    @Override public String pluginCode() { return "robust_plugin"; }
    @Override public ActionConfig config() { return CONFIG; }
    @Override public Class<EchoAction> actionClass() { return EchoAction.class; }
    @Override public Class<RichParams> paramsType() { return RichParams.class; }
    @Override public BaseAction<RichParams, RichParams> newAction() { return new EchoAction(); }

    @Override
    public RichParams bindParams(Object params) {
      try {
        return RichParams_Binder.INSTANCE.bind(params);
      } catch (ValidationError e) {
        throw e.withSubject("params of action 'rich'");
      }
    }

    @Override public Map<String, Object> writeParams(RichParams params) { throw new UnsupportedOperationException(); }
    @Override public Object writeResult(RichParams result) { return result; }
    @Override public RichParams readResult(Object value) { return (RichParams) value; }
  }
}
