/**
 * A test-only plugin: the export action with faults injected into chosen steps, so that the tests can
 * fail every step position through the same public API a user calls, while the real plugin carries no
 * test hook.
 */
@Plugin(
    code = "steps_demo_faults",
    name = "Steps Demo Faults",
    version = "0.1.0",
    category = PluginCategory.EXPORT,
    description = "The steps demo's export with injected faults, for tests")
package io.synapse.examples.steps.faults;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
