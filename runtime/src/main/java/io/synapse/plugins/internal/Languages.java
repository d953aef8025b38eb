package io.synapse.plugins.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** Language codes of runs (ISO 639-1 such as {@code ko}, or a BCP 47 tag such as {@code pt-BR}), and picking a text by one. */
public final class Languages {
  private Languages() {}

  /**
   * {@code language} when it is a language code, else an error saying what one looks like.
   *
   * @throws IllegalArgumentException when it is not null and not a code
   */
  public static String check(String language) {
    if (language != null && !Patterns.CODE.matcher(language).matches()) {
      throw new IllegalArgumentException("'" + language + "' is not a language code: use an ISO 639-1 code such as en or ko,"
          + " or a tag such as pt-BR");
    }
    return language;
  }

  /**
   * The key of {@code texts} to use for {@code language}: the language itself, else its primary subtag
   * ({@code pt} for {@code pt-BR}), else {@code en}, else the first key; null when {@code texts} is empty.
   */
  public static String pick(Map<String, String> texts, String language) {
    if (texts.containsKey(language)) {
      return language;
    }
    int dash = Math.max(language.indexOf('-'), language.indexOf('_'));
    if (dash > 0 && texts.containsKey(language.substring(0, dash))) {
      return language.substring(0, dash);
    }
    if (texts.containsKey("en")) {
      return "en";
    }
    Iterator<String> keys = texts.keySet().iterator();
    return keys.hasNext() ? keys.next() : null;
  }

  // Compiled when first used, not when the class loads: the cold-start path needs none of them.
  private static final class Patterns {
    static final Pattern CODE = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*");

    private Patterns() {}
  }
}
