package io.synapse.plugins.kits.export;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import io.synapse.plugins.kits.client.ExportTarget;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/**
 * The platform's export params.
 *
 * @param name the export's name (its directory under {@code path})
 * @param description a description
 * @param storage the storage to write to
 * @param saveOriginalFile whether each item's original file is saved too
 * @param path the directory under the storage's location
 * @param target {@code assignment}, {@code ground_truth} or {@code task}
 * @param filter the filter selecting the items ({@code project}, or {@code ground_truth_dataset_version})
 * @param extraParams extra params for the export's hooks
 */
@Params
public record ExportParams(
    @NotBlank String name,
    String description,
    @Positive long storage,
    @Default("true") boolean saveOriginalFile,
    @NotBlank String path,
    @NotNull ExportTarget target,
    @NotEmpty Map<String, Object> filter,
    Map<String, Object> extraParams) implements ExportRequest {}
