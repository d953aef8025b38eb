/**
 * JSON text to and from the JSON-like value model params and results use (maps with string keys, lists,
 * strings, numbers, booleans, null): {@link io.synapse.plugins.json.Json}. Untyped only: user types are
 * never bound reflectively.
 *
 * <p>Public API for callers and executor modules (the Ray backends speak JSON to the dashboard with it);
 * depends on Jackson only.
 */
package io.synapse.plugins.json;
