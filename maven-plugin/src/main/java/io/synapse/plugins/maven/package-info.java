/**
 * The goals of the Synapse Maven plugin ({@code synapse:prepare-tests}, {@code validate}, {@code package},
 * {@code run}, {@code schema}); the classes are Maven's to instantiate, not an API.
 */
package io.synapse.plugins.maven;
