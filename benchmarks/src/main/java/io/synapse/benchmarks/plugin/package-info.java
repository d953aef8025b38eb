/**
 * The benchmark plugin: the tutorial's process action, a no-op action with the tutorial's params,
 * and a train action whose params are realistic (a dozen fields, a nested record, a list of items,
 * several constraints). Compiled by the real processor; the reflective baseline runs the same classes.
 */
@Plugin(
    code = "bench_plugin",
    name = "Benchmark Plugin",
    version = "0.1.0",
    category = PluginCategory.CUSTOM,
    description = "Actions the benchmarks run through the generated code and through the reflective baseline")
@PluginPipeline(name = "bench_flow", actions = {"stage", "stage", "stage"}, description = "Three benchmark stages")
package io.synapse.benchmarks.plugin;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginPipeline;
import io.synapse.plugins.PluginCategory;
