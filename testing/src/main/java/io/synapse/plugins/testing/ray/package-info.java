/**
 * A local Ray head for tests: the JUnit 5 extension behind {@link io.synapse.plugins.testing.ray.WithRayHead}, the
 * {@link io.synapse.plugins.testing.ray.RayHead} it injects, and {@link io.synapse.plugins.testing.ray.LocalRayHead}
 * for a head of a test's own. Public API for plugin tests.
 */
package io.synapse.plugins.testing.ray;
