/**
 * Finding plugins: {@link io.synapse.plugins.discovery.PluginDiscovery} resolves a plugin by code, Java
 * package or path (a jar, a directory of jars, a built module), loading a path in its own class loader,
 * and hands out its configuration and action descriptors. The loader and the {@code config.yaml} reader
 * behind it are package-private.
 *
 * <p>Public API for callers (the command line, kits, tests) and executors.
 */
package io.synapse.plugins.discovery;
