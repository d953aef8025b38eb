package io.synapse.plugins.kits.upload;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;

/**
 * The platform's upload params: single-path mode ({@code path}, one sub-directory per file specification) or
 * multi-path mode ({@code use_single_path: false} and one {@code assets} entry per specification).
 *
 * @param name the upload's name
 * @param description a description
 * @param storage the storage the files are read from
 * @param dataCollection the data collection the units join
 * @param useSinglePath whether {@code path} (true) or {@code assets} (false) says where the files are
 * @param path the directory under the storage's location, with one sub-directory per file specification
 * @param isRecursive whether the specification directories are read recursively
 * @param assets in multi-path mode, each file specification's own directory under the storage's location
 * @param excelMetadataPath the platform's metadata file param: an Excel ({@code .xlsx}, {@code .xls}) or CSV file
 * @param metadataPath a JSON, CSV or Excel metadata file under {@code path} (this kit's older name)
 * @param maxFileSizeMb the largest file accepted, in MiB
 * @param creatingDataUnitBatchSize data units created per request
 * @param uploadMaxWorkers files uploaded at once
 * @param uploadBatchSize files per presigned-upload request
 * @param uploadMaxRetries extra tries of a file upload that failed without effect
 * @param usePresigned whether files go through the batched presigned upload (falling back to one request per file
 *     when the backend takes none)
 * @param groupName the data group the units join
 * @param shard the file stems this run is restricted to (set by the kit when it fans the upload out)
 */
@Params
public record UploadParams(
    @NotBlank String name,
    String description,
    @Positive long storage,
    @Positive long dataCollection,
    @Default("true") boolean useSinglePath,
    String path,
    @Default("true") boolean isRecursive,
    Map<String, AssetPath> assets,
    String excelMetadataPath,
    String metadataPath,
    @Default("50") @Min(1) @Max(102400) int maxFileSizeMb,
    @Default("200") @Min(1) @Max(10000) int creatingDataUnitBatchSize,
    @Default("10") @Min(1) @Max(64) int uploadMaxWorkers,
    @Default("200") @Min(1) @Max(1000) int uploadBatchSize,
    @Default("2") @Min(0) @Max(10) int uploadMaxRetries,
    @Default("true") boolean usePresigned,
    String groupName,
    List<String> shard) implements UploadRequest {}
