package io.synapse.plugins.processor.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/** The naming rules for plugin codes and action names. */
public final class Names {
  /** Plugin codes and action names. */
  public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_\\-]*");

  private Names() {}

  /** A valid code close to {@code wrong} ({@code TrainModel} gives {@code train-model}), or null. */
  public static String suggestCode(String wrong, char separator) {
    String snake = wrong.trim()
        .replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2")
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
