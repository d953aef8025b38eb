/**
 * The inference kit: batch inference on a platform model, downloaded and loaded once per JVM (a
 * bounded cache). Ray Serve deployments are not part of it: Ray Serve has no maintained Java API.
 */
package io.synapse.plugins.kits.inference;
