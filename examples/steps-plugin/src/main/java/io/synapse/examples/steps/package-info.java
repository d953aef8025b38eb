/**
 * A step workflow: an export action of four steps (prepare, convert, manifest, sign) that writes real
 * files and, when any step fails, rolls back exactly what the steps that ran had created.
 */
@Plugin(
    code = "steps_demo",
    name = "Steps Demo",
    version = "0.1.0",
    category = PluginCategory.EXPORT,
    description = "A step workflow that exports files with progress and rollback")
package io.synapse.examples.steps;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
