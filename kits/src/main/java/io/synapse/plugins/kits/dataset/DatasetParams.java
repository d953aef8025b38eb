package io.synapse.plugins.kits.dataset;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import java.util.Map;

/**
 * Params of a {@link DatasetAction}.
 *
 * @param operation {@code download} or {@code convert}
 * @param dataset the ground-truth dataset version to download
 * @param splits split name ({@code train}, {@code valid}, {@code test}) to extra filters, for a categorized download
 * @param path the dataset directory to convert
 * @param sourceFormat the format of {@code path} ({@code dm_v2}, {@code yolo}, {@code coco}, {@code pascal})
 * @param targetFormat the format to convert to
 * @param outputDir where to write; by default the shared cache (download) or next to the source (convert)
 * @param isCategorized whether {@code path} is split into {@code train}/{@code valid}/{@code test}
 */
@Params
public record DatasetParams(
    @Default("download") DatasetOperation operation,
    Long dataset,
    Map<String, Map<String, Object>> splits,
    String path,
    @Default("dm_v2") String sourceFormat,
    @Default("yolo") String targetFormat,
    String outputDir,
    @Default("false") boolean isCategorized) {}
