package io.synapse.plugins;

/**
 * How the names of params and result components, and the values of enum constants, look on the wire:
 * in JSON and YAML params, results, violation paths, JSON Schemas, the command line's {@code -p} keys and
 * {@code describe}. The platform and every Python plugin speak snake_case, so that is the default.
 *
 * <p>Whatever the naming, binding also takes a component's Java name (and an enum constant's name, in
 * any case), so {@code inputPath} and {@code input_path} both reach {@code inputPath}; giving both in
 * one input is a violation. A single component or constant can choose its own name with
 * {@link WireName}.
 */
public enum WireNames {
  /**
   * As the plugin says: the value of {@link Params#wireNames()} when a record does not choose. On
   * {@link Plugin#wireNames()} it means {@link #SNAKE_CASE}.
   */
  PLUGIN,
  /**
   * Lower snake_case of the Java name: {@code inputPath} is {@code input_path}, {@code HTTPServer} is
   * {@code http_server}, the enum constant {@code NEURAL_NET} is {@code neural_net}. The default.
   */
  SNAKE_CASE,
  /** The Java names as they are: {@code inputPath}, and enum constants by their names ({@code NEURAL_NET}). */
  JAVA
}
