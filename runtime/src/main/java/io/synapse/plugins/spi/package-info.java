/**
 * What generated code implements and calls: the binder, writer, descriptor and registry interfaces
 * ({@link io.synapse.plugins.spi.RecordBinder}, {@link io.synapse.plugins.spi.RecordWriter},
 * {@link io.synapse.plugins.spi.ActionDescriptor}, {@link io.synapse.plugins.spi.PluginRegistry}), the readers,
 * writers and checks binders are built from ({@link io.synapse.plugins.spi.Readers},
 * {@link io.synapse.plugins.spi.Writers}, {@link io.synapse.plugins.spi.Checks}) and the marker
 * {@link io.synapse.plugins.spi.SynapseGenerated}.
 *
 * <p>For generated code, and for the runtime that runs it. Outside the runtime, hand-written code may hold
 * the two handles the public API gives out ({@code ActionDescriptor} from {@code PluginDiscovery}, a
 * {@code PluginRegistry}) but uses nothing else here: an ArchUnit rule allows the rest of this package only
 * to classes marked {@code @SynapseGenerated}. Its contract with the processor is
 * {@code docs/generated-code.md}.
 */
package io.synapse.plugins.spi;
