/**
 * What counts as a secret and how it is hidden: {@link io.synapse.plugins.secrets.SecretRule}, the one
 * rule the runtime, the Ray backends and the command line share. Public API; depends on nothing else in
 * the project, so that errors, events and the environment can all use it.
 */
package io.synapse.plugins.secrets;
