/**
 * Naming rules the annotation processor (while {@code javac} runs) and the runtime (while actions run)
 * must agree on, kept in one small artifact with no dependencies that both use:
 * {@link io.synapse.plugins.names.Suggestions}, the did-you-mean rule, so that a typo gets the same
 * suggestion at compile time and at run time.
 *
 * <p>For the processor and the runtime; supported, but not something a plugin needs to call.
 */
package io.synapse.plugins.names;
