/**
 * What counts as a secret and what hides it: {@link io.synapse.plugins.secrets.SecretRule}, the one rule
 * and mask the runtime, the Ray backends and the command line share, and
 * {@link io.synapse.plugins.secrets.RedactedException}, the stand-in executors attach as an error's cause
 * when the original's message quoted a secret.
 *
 * <p>Public API. Depends on nothing else in the project, so that errors, events and the environment can
 * all use it.
 */
package io.synapse.plugins.secrets;
