/** A test plugin whose actions misbehave: print their secrets, overflow, run out of memory. */
@Plugin(code = "hostile_plugin", name = "Hostile Plugin", version = "0.1.0", category = PluginCategory.CUSTOM,
    description = "Actions that misbehave, for the command line's tests")
package io.synapse.plugins.cli.hostile;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
