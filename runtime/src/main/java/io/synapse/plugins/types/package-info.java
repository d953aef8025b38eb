/**
 * The semantic data types actions declare as their input and output ({@code @PluginAction(inputType =
 * DataType.Names.YOLO_DATASET)}), in the seeds' hierarchy. Pipelines follow it: one action's output must be
 * compatible with the next one's input, checked by the processor and again when a pipeline is built at run
 * time. Public API.
 */
package io.synapse.plugins.types;
