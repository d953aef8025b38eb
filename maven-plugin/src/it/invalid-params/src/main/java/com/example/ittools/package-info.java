/** A plugin built by the Maven plugin's integration test. */
@Plugin(code = "it_tools", name = "IT Tools", version = "1.0.0", category = PluginCategory.CUSTOM, description = "Greets")
package com.example.ittools;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
