package io.synapse.plugins.kits.tasks;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/**
 * Params of an {@link AddTaskDataAction} (the platform's {@code to_task} params).
 *
 * @param name the run's name
 * @param description a description
 * @param project the project whose tasks are annotated
 * @param agent the agent the pre-processor runs on (INFERENCE)
 * @param taskFilters filters selecting the tasks
 * @param method {@code file} or {@code inference}
 * @param targetSpecificationName the file specification holding each task's data (FILE)
 * @param model the model the pre-processor uses (INFERENCE)
 * @param preProcessor the pre-processor's plugin release (INFERENCE)
 * @param preProcessorParams extra params for the pre-processor
 * @param batchSize tasks per batch
 * @param schema the DM schema the backend checks the data against: {@code dm_schema_v1} or {@code any}
 */
@Params
public record AddTaskDataParams(
    @NotBlank String name,
    String description,
    @Positive long project,
    Long agent,
    Map<String, Object> taskFilters,
    @Default("file") AddTaskDataMethod method,
    String targetSpecificationName,
    Long model,
    Long preProcessor,
    Map<String, Object> preProcessorParams,
    @Default("1") @Min(1) @Max(1000) int batchSize,
    @Default("dm_schema_v1") @Pattern(regexp = "dm_schema_v1|any") String schema) {}
