package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
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
 * Describes action {@code train-model} ({@link TrainAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.TrainAction"
)
public final class TrainAction_Descriptor implements ActionDescriptor<TrainParams, Map<String, Object>> {
  public static final TrainAction_Descriptor INSTANCE = new TrainAction_Descriptor();

  private static final ValueReader<Map<String, Object>> RESULT_READER = Readers.map(Readers.ANY);

  private static final ValueWriter<? super Map<String, Object>> RESULT_WRITER = Writers.map(Writers.ANY);

  private TrainAction_Descriptor() {
  }

  @Override
  public String pluginCode() {
    return "image_tools";
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.TRAIN_MODEL;
  }

  @Override
  public Class<? extends BaseAction<TrainParams, Map<String, Object>>> actionClass() {
    return TrainAction.class;
  }

  @Override
  public Class<TrainParams> paramsType() {
    return TrainParams.class;
  }

  @Override
  public BaseAction<TrainParams, Map<String, Object>> newAction() {
    return new TrainAction();
  }

  @Override
  public TrainParams bindParams(Object params) {
    try {
      return TrainParams_Binder.INSTANCE.bind(params);
    } catch (ValidationError e) {
      throw e.withSubject("params of action 'train-model'");
    }
  }

  @Override
  public Map<String, Object> writeParams(TrainParams params) {
    return TrainParams_Writer.INSTANCE.write(params);
  }

  @Override
  public Object writeResult(Map<String, Object> result) {
    return RESULT_WRITER.write(result);
  }

  @Override
  public Map<String, Object> readResult(Object value) {
    Violations violations = new Violations();
    Map<String, Object> read = RESULT_READER.read(value, "", violations);
    violations.throwIfAny("result of action 'train-model'");
    return read;
  }
}
