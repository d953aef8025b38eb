package com.acme.imagetools;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import io.synapse.plugins.Secret;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of the resize action.
 *
 * @param images the images to resize
 * @param size the target size
 * @param format output format
 * @param labels free-form labels added to every output
 * @param storageToken token for the output bucket
 * @param prefix optional output name prefix
 */
@Params
public record ResizeParams(
    @NotEmpty List<Image> images,
    Size size,
    @Default("PNG") Format format,
    Map<String, String> labels,
    @Secret String storageToken,
    @Pattern(regexp = "[a-z]+") Optional<String> prefix) {

  /** An input image. */
  public record Image(String name, @Min(1) int width, @Min(1) int height) {}

  /** A target size. */
  public record Size(@Default("256") @Min(1) @Max(4096) int width, @Default("256") @Min(1) @Max(4096) int height) {}

  /** Output formats. */
  public enum Format { PNG, JPEG }

  @Override
  public String toString() {
    return "ResizeParams[images=" + images.size() + ", size=" + size + ", format=" + format + "]";
  }
}
