/** The add-task-data kit: pre-annotation of a project's tasks from files or from a pre-processor's inference. */
package io.synapse.plugins.kits.tasks;
