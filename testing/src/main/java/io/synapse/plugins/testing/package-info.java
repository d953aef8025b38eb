/**
 * The test kit: {@link io.synapse.plugins.testing.ActionTester} runs one action (LOCAL, on a TASK pool or as a Ray
 * Job) and {@link io.synapse.plugins.testing.ActionRun} asserts on its result, error and events. Public API for
 * plugin tests.
 */
package io.synapse.plugins.testing;
