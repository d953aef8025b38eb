/** A plugin of the kits' tests: one action per kit, with an injectable fault after any step. */
@Plugin(code = "kits_test", name = "Kits Test", version = "0.1.0", category = PluginCategory.CUSTOM, description = "Kit test actions")
package io.synapse.plugins.kits.testplugin;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
