package io.synapse.plugins.kits.upload;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * The platform's upload params (single-path mode).
 *
 * @param name the upload's name
 * @param description a description
 * @param storage the storage the files are read from
 * @param dataCollection the data collection the units join
 * @param path the directory under the storage's location, with one sub-directory per file specification
 * @param isRecursive whether the specification directories are read recursively
 * @param metadataPath a JSON or CSV metadata file under {@code path}
 * @param maxFileSizeMb the largest file accepted, in MiB
 * @param creatingDataUnitBatchSize data units created per request
 * @param uploadMaxWorkers files uploaded at once
 * @param uploadMaxRetries extra tries of a file upload that failed without effect
 * @param groupName the data group the units join
 * @param shard the file stems this run is restricted to (set by the kit when it fans the upload out)
 */
@Params
public record UploadParams(
    @NotBlank String name,
    String description,
    @Positive long storage,
    @Positive long dataCollection,
    @NotBlank String path,
    @Default("true") boolean isRecursive,
    String metadataPath,
    @Default("50") @Min(1) @Max(102400) int maxFileSizeMb,
    @Default("200") @Min(1) @Max(10000) int creatingDataUnitBatchSize,
    @Default("10") @Min(1) @Max(64) int uploadMaxWorkers,
    @Default("2") @Min(0) @Max(10) int uploadMaxRetries,
    String groupName,
    java.util.List<String> shard) implements UploadRequest {}
