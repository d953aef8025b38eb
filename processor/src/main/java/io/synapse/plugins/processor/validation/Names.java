package io.synapse.plugins.processor.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rules: plugin codes and action names, and the wire names of components and enum constants. */
public final class Names {
  /** Plugin codes and action names. */
  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_\\-]*");
  /** Wire names chosen with {@code @WireName}: one segment of a dotted path. */
  public static final Pattern WIRE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");

  private Names() {}

  /**
   * Lower snake_case of a Java name: {@code inputPath} gives {@code input_path}, {@code HTTPServer}
   * {@code http_server}, {@code userID} {@code user_id}, {@code NEURAL_NET} {@code neural_net}. A word
   * starts at an upper-case letter after a lower-case letter or digit, and at the last upper-case letter
   * of a run followed by a lower-case one. The runtime's {@code WireNames.snakeCase} is the same rule
   * (the command line uses it to tell Java names); {@code NamesTest} holds the two to the same answers.
   */
  public static String snakeCase(String javaName) {
    return lowerWords(javaName, '_');
  }

  // The words of a Java name in lower case, joined by separator at each upper-case word start.
  private static String lowerWords(String javaName, char separator) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        char previous = i > 0 ? javaName.charAt(i - 1) : '_';
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        if (Character.isLowerCase(previous) || Character.isDigit(previous) || (Character.isUpperCase(previous) && nextLower)) {
          out.append(separator);
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A valid code close to {@code wrong} ({@code TrainModel} gives {@code train-model}), or null. */
  public static String suggestCode(String wrong, char separator) {
    String snake = lowerWords(wrong.trim(), separator)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_\\-]+", String.valueOf(separator))
        .replaceAll("^[^a-z]+", "")
        .replaceAll("[_\\-]+$", "");
    return CODE.matcher(snake).matches() ? snake : null;
  }

  /** {@code "; did you mean 'x'?"} for {@link #suggestCode}, or empty. */
  public static String codeHint(String wrong, char separator) {
    String suggestion = suggestCode(wrong, separator);
    return suggestion == null ? "" : "; did you mean '" + suggestion + "'?";
  }
}
