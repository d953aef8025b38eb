package io.synapse.plugins.kits.results;

import io.synapse.plugins.Params;

/**
 * What an export returns.
 *
 * @param outputPath the export directory
 * @param exportedCount how many items were exported
 * @param failedCount how many items failed (listed in the directory's {@code error_file_list.json})
 * @param format the export format ({@code dm_v2}, {@code coco}, {@code yolo}, ...)
 * @param fileSizeBytes the bytes written, or null
 */
@Params
public record ExportResult(String outputPath, int exportedCount, int failedCount, String format, Long fileSizeBytes) {}
