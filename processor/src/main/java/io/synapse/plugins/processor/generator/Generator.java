package io.synapse.plugins.processor.generator;

/**
 * The contract of every generator: one model in, one artifact out. A generator is a near-pure function
 * of its model (and of what it was constructed with): it touches no {@code Filer} and no javac state, so
 * a plain unit test can call it; {@link ArtifactWriter} writes what it returns, and {@link Generators}
 * lists which generator makes what.
 *
 * @param <M> the model it reads: a record, an action or the plugin
 */
@FunctionalInterface
public interface Generator<M> {

  /** The artifact generated from {@code model}. */
  Artifact generate(M model);
}
