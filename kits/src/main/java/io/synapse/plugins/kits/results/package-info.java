/**
 * The standard results of the kits, as in the platform's result schemas. They carry {@code @Params}
 * so that their generated binders ship in the kits jar; plugins return them like any result record.
 */
package io.synapse.plugins.kits.results;
