/**
 * The remote protocol and the worker routine shared by every remote backend: the messages a driver and a
 * worker exchange ({@link io.synapse.plugins.executors.remote.RemoteMessage}), their one codec
 * ({@link io.synapse.plugins.executors.remote.RemoteProtocol}), the routine a worker runs for each request
 * ({@link io.synapse.plugins.executors.remote.RemoteWorker}: a TASK actor and the JOB entrypoint call the
 * same one), the one mapping between failures and the typed errors
 * ({@link io.synapse.plugins.executors.remote.RemoteFailures}) and the JOB entrypoint
 * ({@link io.synapse.plugins.executors.remote.JobMain}).
 *
 * <p>For executor modules (such as {@code synapse-plugins-ray}); plugins never need it.
 */
package io.synapse.plugins.executors.remote;
