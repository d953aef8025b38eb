/**
 * Job status, progress, metrics and log reporting of kit runs to their platform job, through the run's backend
 * client ({@link io.synapse.plugins.kits.jobs.JobReporting}, {@link io.synapse.plugins.kits.jobs.JobReporter}).
 */
package io.synapse.plugins.kits.jobs;
