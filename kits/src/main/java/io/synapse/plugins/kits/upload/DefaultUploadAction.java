package io.synapse.plugins.kits.upload;

/**
 * The upload kit with the platform's upload params ({@link UploadParams}) and the standard
 * eight-step workflow. Extend it with an annotated class:
 *
 * <pre>{@code
 * @PluginAction(name = "upload", method = RunMethod.TASK, category = PluginCategory.UPLOAD)
 * public final class Upload extends DefaultUploadAction {}
 * }</pre>
 */
public abstract class DefaultUploadAction extends BaseUploadAction<UploadParams> {

  /** For subclasses. */
  protected DefaultUploadAction() {}
}
