package com.acme.imagetools;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.context.RuntimeContext;
import jakarta.validation.constraints.NotBlank;

/**
 * The seeds' function-based {@code convert} action, written the deprecated way: a static method with
 * {@code @PluginAction}. Prefer a class extending {@code BaseAction}; the processor warns about this form.
 */
public final class Conversions {
  private Conversions() {}

  /**
   * Parameters of the convert action.
   *
   * @param inputFormat the format of the file
   * @param outputFormat the format to convert to
   * @param filePath the file to convert
   */
  public record ConvertParams(@NotBlank String inputFormat, @NotBlank String outputFormat, @NotBlank String filePath) {}

  /**
   * Result of the convert action.
   *
   * @param outputPath where the converted file goes
   * @param converted whether anything had to be converted
   */
  public record ConvertResult(String outputPath, boolean converted) {}

  /** Convert a file from one format to another. */
  @PluginAction(name = "convert", description = "Convert file between formats")
  public static ConvertResult convert(ConvertParams params, RuntimeContext context) {
    context.setProgress(0, 100, null);
    String base = params.filePath().replaceAll("\\.[^./]*$", "");
    context.setProgress(100, 100, null);
    return new ConvertResult(base + "." + params.outputFormat(), !params.inputFormat().equals(params.outputFormat()));
  }
}
