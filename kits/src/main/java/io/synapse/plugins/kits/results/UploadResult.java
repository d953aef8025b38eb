package io.synapse.plugins.kits.results;

import io.synapse.plugins.Params;
import java.util.List;

/**
 * What an upload returns.
 *
 * @param uploadedCount how many files were uploaded
 * @param dataUnitCount how many data units were created
 * @param remotePath where the data went (the data collection), or null
 * @param status {@code completed}, or {@code partial} when some files were lost
 * @param lostFiles the files that were tried but never landed (at most 100)
 * @param dataUnitIds the ids of the data units created
 * @param dataFileIds the ids of the files uploaded
 */
@Params
public record UploadResult(int uploadedCount, int dataUnitCount, String remotePath, String status, List<String> lostFiles,
    List<Long> dataUnitIds, List<Long> dataFileIds) {}
