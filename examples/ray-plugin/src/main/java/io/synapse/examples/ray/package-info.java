/** A plugin whose actions run the same in-process (LOCAL) and on a warm pool of Ray actors (TASK). */
@Plugin(code = "ray_demo", name = "Ray Demo", version = "0.1.0", category = PluginCategory.DATA_VALIDATION,
    description = "Word counting and diagnostics actions for the TASK backend")
package io.synapse.examples.ray;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
