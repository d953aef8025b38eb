/**
 * Helpers of the runtime's own packages (language codes, parsing the API's enum values). Not API: no
 * other module may use this package (an ArchUnit rule in every module that depends on the runtime fails
 * the build when one does); what another module needs is given a supported home instead.
 */
package io.synapse.plugins.internal;
