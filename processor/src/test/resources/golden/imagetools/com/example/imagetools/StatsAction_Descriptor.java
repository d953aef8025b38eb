package com.example.imagetools;

import io.synapse.plugins.action.BaseAction;
import io.synapse.plugins.action.NoParams;
import io.synapse.plugins.action.NoParams_Binder;
import io.synapse.plugins.discovery.ActionConfig;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.GeneratedActionDescriptor;
import io.synapse.plugins.spi.Readers;
import io.synapse.plugins.spi.SynapseGenerated;
import io.synapse.plugins.spi.Writers;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Describes action {@code stats} ({@link StatsAction}) to the runtime. Generated from its {@code @PluginAction}.
 */
@Generated("io.synapse.plugins.processor.SynapseProcessor")
@SynapseGenerated(
    from = "com.example.imagetools.StatsAction"
)
public final class StatsAction_Descriptor extends GeneratedActionDescriptor<NoParams, Map<String, Object>> {
  public static final StatsAction_Descriptor INSTANCE = new StatsAction_Descriptor();

  private static final ActionShape SHAPE = ActionShape.of("", "",
      List.of(),
      List.of());

  private StatsAction_Descriptor() {
    super("image_tools", "stats", StatsAction.class, NoParams.class, NoParams_Binder.INSTANCE, Readers.map(Readers.ANY), Writers.map(Writers.ANY));
  }

  @Override
  public ActionConfig config() {
    return ImageToolsRegistry.STATS;
  }

  @Override
  public BaseAction<NoParams, Map<String, Object>> newAction() {
    return new StatsAction();
  }

  @Override
  public ActionShape shape() {
    return SHAPE;
  }
}
