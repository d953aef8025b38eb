package io.synapse.plugins.kits.train;

import java.nio.file.Path;

/**
 * A model a training resumes from.
 *
 * @param id the model id
 * @param name its name
 * @param category {@code base} or {@code fine-tuned}
 * @param path the directory its archive was extracted into
 */
public record Checkpoint(long id, String name, String category, Path path) {}
