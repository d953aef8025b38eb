/** Helpers of the kits module only: JSON trees and maps, files written atomically. Not API. */
package io.synapse.plugins.kits.internal;
