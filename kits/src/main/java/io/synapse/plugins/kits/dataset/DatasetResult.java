package io.synapse.plugins.kits.dataset;

import io.synapse.plugins.Params;

/**
 * What a {@link DatasetAction} gives.
 *
 * @param path the dataset directory
 * @param format its format ({@code dm_v2} after a download)
 * @param isCategorized whether it is split
 * @param configPath its config file ({@code detect/dataset.yaml} for YOLO, {@code annotations.json} for COCO), or null
 * @param count how many items were downloaded, or null after a conversion
 * @param sourcePath the converted source, or null after a download
 */
@Params
public record DatasetResult(String path, String format, boolean isCategorized, String configPath, Integer count, String sourcePath) {
  /** The config file when there is one, else the directory: the one path a training needs. */
  public String dataPath() {
    return configPath != null ? configPath : path;
  }
}
