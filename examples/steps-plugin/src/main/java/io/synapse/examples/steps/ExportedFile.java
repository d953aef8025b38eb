package io.synapse.examples.steps;

import java.nio.file.Path;

/**
 * One file the convert step wrote.
 *
 * @param path where it is
 * @param bytes its size
 * @param sha256 its SHA-256, hex
 */
record ExportedFile(Path path, long bytes, String sha256) {}
