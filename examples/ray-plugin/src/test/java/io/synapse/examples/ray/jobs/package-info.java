/** A test-only plugin for the JOB backend's tests: slow, progress-reporting and secret-holding actions. */
@Plugin(code = "ray_job_demo", name = "Ray Job Demo", version = "0.1.0", category = PluginCategory.DATA_VALIDATION,
    description = "Actions for the JOB backend's tests")
package io.synapse.examples.ray.jobs;

import io.synapse.plugins.Plugin;
import io.synapse.plugins.PluginCategory;
