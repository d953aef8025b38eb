/** The semantic data types of action inputs and outputs, in the seeds' hierarchy. */
package io.synapse.plugins.kits.types;
