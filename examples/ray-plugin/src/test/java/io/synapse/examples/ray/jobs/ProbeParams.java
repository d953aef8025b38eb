package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Params;
import java.nio.file.Path;
import java.util.List;

/**
 * What the probe action looks at where it runs.
 *
 * @param read files to read (relative ones resolve against the run's working directory)
 * @param variable a process environment variable to report
 * @param visible paths whose existence to report (the driver's checkout, say)
 */
@Params
public record ProbeParams(List<Path> read, String variable, List<String> visible) {}
