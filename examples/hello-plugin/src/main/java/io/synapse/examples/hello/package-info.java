/** The seeds' tutorial plugin: processes an input file in batches, with progress and metrics. */
@Plugin(
    code = "hello_plugin",
    name = "Hello Plugin",
    version = "0.1.0",
    category = PluginCategory.CUSTOM,
    description = "The tutorial plugin: a process action with typed params and result")
package io.synapse.examples.hello;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
