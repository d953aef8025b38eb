package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.action.NoParams_Binder;
import io.synapse.plugins.action.NoParams_Writer;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.errors.ValidationError;
import io.synapse.plugins.spi.ActionDescriptor;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.ValueReader;
import io.synapse.plugins.spi.ValueWriter;
import io.synapse.plugins.spi.Violations;
import io.synapse.plugins.spi.Writers;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code stats} ({@link StatsAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.StatsAction"
)
public final class StatsAction_Descriptor implements ActionDescriptor<NoParams, Map<String, Object>> {
  public static final StatsAction_Descriptor INSTANCE = new StatsAction_Descriptor();

  private static final ValueReader<Map<String, Object>> RESULT_READER = Readers.map(Readers.ANY);

  private static final ValueWriter<? super Map<String, Object>> RESULT_WRITER = Writers.map(Writers.ANY);

  private StatsAction_Descriptor() {
  }

  @Override
  public String pluginCode() {
    return "image_tools";
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.STATS;
  }

  @Override
  public Class<? extends BaseAction<NoParams, Map<String, Object>>> actionClass() {
    return StatsAction.class;
  }

  @Override
  public Class<NoParams> paramsType() {
    return NoParams.class;
  }

  @Override
  public BaseAction<NoParams, Map<String, Object>> newAction() {
    return new StatsAction();
  }

  @Override
  public NoParams bindParams(Object params) {
    try {
      return NoParams_Binder.INSTANCE.bind(params);
    } catch (ValidationError e) {
      throw e.withSubject("params of action 'stats'");
    }
  }

  @Override
  public Map<String, Object> writeParams(NoParams params) {
    return NoParams_Writer.INSTANCE.write(params);
  }

  @Override
  public Object writeResult(Map<String, Object> result) {
    return RESULT_WRITER.write(result);
  }

  @Override
  public Map<String, Object> readResult(Object value) {
    Violations violations = new Violations();
    Map<String, Object> read = RESULT_READER.read(value, "", violations);
    violations.throwIfAny("result of action 'stats'");
    return read;
  }
}
