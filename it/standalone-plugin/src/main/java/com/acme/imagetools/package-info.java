/** Image tools: resizes image batches. Written as a user would, outside the framework's build. */
@Plugin(code = "image-tools", name = "Image Tools", version = "1.0.0", category = PluginCategory.PRE_ANNOTATION)
package com.acme.imagetools;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
