package io.synapse.plugins.kits.tasks;

/**
 * A file of a task's data unit.
 *
 * @param url where its bytes are (fetch them with {@link AddTaskDataContext#fetch})
 * @param name its original name, or null
 * @param specification the file specification it belongs to, or null
 */
public record TaskFile(String url, String name, String specification) {}
