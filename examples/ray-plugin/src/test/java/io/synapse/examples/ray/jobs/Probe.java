package io.synapse.examples.ray.jobs;

import java.util.Map;

/**
 * What the probe action found where it ran.
 *
 * @param pid the process
 * @param mountNamespace the process's mount namespace ({@code /proc/self/ns/mnt}), which tells nodes apart
 * @param currentDir the process's current directory
 * @param workingDir the run's working directory ({@code ctx().workingDir()})
 * @param hasWorkingDir whether the run was given one
 * @param contents each file read, by the path the action got (absolute when resolved), or {@code <missing>}
 * @param variable the variable's value in the process environment, or null
 * @param visible whether each path exists for the process
 * @param classPath the process's class path
 * @param codeSearchPath the Ray job's code search path as the process got it, or null
 */
public record Probe(long pid, String mountNamespace, String currentDir, String workingDir, boolean hasWorkingDir,
    Map<String, String> contents, String variable, Map<String, Boolean> visible, String classPath, String codeSearchPath) {}
