package io.synapse.plugins.kits.export;

/**
 * The export kit with the platform's export params ({@link ExportParams}) and the standard six-step
 * workflow. Extend it with an annotated class and override the conversion hooks you need:
 *
 * <pre>{@code
 * @PluginAction(name = "export", method = RunMethod.TASK, category = PluginCategory.EXPORT)
 * public final class Export extends DefaultExportAction {
 *   @Override protected ExportRow convertData(ExportRow item, ExportContext context) { ... }
 * }
 * }</pre>
 */
public abstract class DefaultExportAction extends BaseExportAction<ExportParams> {

  /** For subclasses. */
  protected DefaultExportAction() {}
}
