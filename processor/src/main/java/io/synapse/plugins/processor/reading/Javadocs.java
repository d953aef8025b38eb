package io.synapse.plugins.processor.reading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads descriptions out of Javadoc comments. */
public final class Javadocs {
  // Any inline tag ({@code x}, {@link A#b}, {@value #X}, ...) becomes its text; a bare {@inheritDoc} vanishes.
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@[a-zA-Z]+\\s*([^}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private Javadocs() {}

  /** The first sentence of the main description, plain text; empty when there is none. */
  public static String firstSentence(String docComment) {
    String main = plain(mainDescription(docComment));
    for (int i = 0; i < main.length(); i++) {
      if (main.charAt(i) == '.' && (i + 1 == main.length() || Character.isWhitespace(main.charAt(i + 1)))) {
        return main.substring(0, i + 1);
      }
    }
    return main;
  }

  /** The text of each {@code @param name text} tag, by name. */
  public static Map<String, String> paramTags(String docComment) {
    Map<String, String> params = new LinkedHashMap<>();
    if (docComment == null) {
      return params;
    }
    for (String tag : docComment.split("\n\\s*(?=@)")) {
      String trimmed = tag.trim();
      if (trimmed.startsWith("@param")) {
        String[] parts = trimmed.substring("@param".length()).trim().split("\\s+", 2);
        if (parts.length == 2 && !parts[0].isEmpty()) {
          params.put(parts[0], plain(parts[1]));
        }
      }
    }
    return params;
  }

  private static String mainDescription(String docComment) {
    if (docComment == null) {
      return "";
    }
    Matcher blockTag = Pattern.compile("(?m)^\\s*@").matcher(docComment);
    return blockTag.find() ? docComment.substring(0, blockTag.start()) : docComment;
  }

  private static String plain(String text) {
    String withoutTags = INLINE_TAG.matcher(text).replaceAll("$1");
    return HTML_TAG.matcher(withoutTags).replaceAll("").replaceAll("\\s+", " ").trim();
  }
}
