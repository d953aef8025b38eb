package io.synapse.examples.hello;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import io.synapse.plugins.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;

/**
 * Parameters of the sign action.
 *
 * @param file the file to sign
 * @param destination where the file is meant to go
 * @param apiToken the key the signature is made with
 */
@Params
public record SignParams(@NotNull Path file, @NotNull Destination destination, @Secret @NotBlank String apiToken) {

  /**
   * An upload destination.
   *
   * @param bucket the bucket name
   * @param prefix the key prefix inside the bucket
   */
  public record Destination(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]*") String bucket, @Default("uploads/") String prefix) {}

  @Override
  public String toString() {
    return "SignParams[file=" + file + ", destination=" + destination + ", apiToken=***]";
  }
}
