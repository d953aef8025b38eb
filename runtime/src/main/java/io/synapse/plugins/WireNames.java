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
  JAVA;

  /**
   * Lower snake_case of a Java name, the rule of {@link #SNAKE_CASE}: a word starts at an upper-case
   * letter after a lower-case letter or digit, and at the last upper-case letter of a run followed by
   * a lower-case one ({@code inputPath}: {@code input_path}; {@code HTTPServer}: {@code http_server};
   * {@code userID}: {@code user_id}; {@code NEURAL_NET}: {@code neural_net}). The processor applies the
   * same rule at compile time (a test holds the two to the same answers).
   */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        char previous = i > 0 ? javaName.charAt(i - 1) : '_';
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        if (Character.isLowerCase(previous) || Character.isDigit(previous) || (Character.isUpperCase(previous) && nextLower)) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
