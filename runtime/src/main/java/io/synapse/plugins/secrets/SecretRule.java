package io.synapse.plugins.secrets;

import io.synapse.plugins.environment.Redactor;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's one rule for what is secret and how it is hidden, used alike by the runtime's
 * {@code Redactor} and {@code PluginEnvironment}, every {@code PluginError}, the Ray backends and the
 * {@code synapse} command line.
 *
 * <ul>
 *   <li><b>Secret names.</b> A variable, param or map key looks secret when its name contains one of
 *       {@link #NAME_WORDS} ({@code KEY}, {@code SECRET}, {@code TOKEN}, {@code PASSWORD},
 *       {@code PASSWD}, {@code PASSPHRASE}, {@code CREDENTIAL}), ignoring case and anywhere in the
 *       name: {@code API_KEY}, {@code githubToken} and {@code db_password} do; {@code REGION} does not.
 *   <li><b>The mask.</b> A hidden value is shown as {@value #MASK}.
 *   <li><b>Known secret values</b> (of {@code @Secret} params and of entries with secret names) are
 *       masked wherever they occur in text when they have at least {@value #MIN_SEARCHED_LENGTH}
 *       characters; shorter ones only where they stand as a whole token, that is, not next to a letter
 *       or digit ({@code "pin 123."} hides {@code 123}, {@code "id 41230"} keeps it), so that a
 *       one-character secret does not mask that character everywhere. Blank values are no secret.
 *   <li><b>Credentials in text</b> are masked even when no value is known ({@link #maskCredentials}):
 *       the user information of a URL ({@code https://user:pass@host/} becomes
 *       {@code https://***@host/}), URL query parameters with secret names ({@code ?token=abc}
 *       becomes {@code ?token=***}), and the credential of an {@code Authorization} header or of a
 *       {@code Bearer} token.
 * </ul>
 *
 * <p>Not masked: a secret transformed before it is printed (encoded, hashed, split, upper-cased), a
 * 1-3 character secret glued to letters or digits, and a secret used as a map key (keys are names).
 */
public final class SecretRule {
  /** What a hidden value is shown as, everywhere. */
  public static final String MASK = "***";
  /** The words that make a name look secret, upper-case, matched anywhere in the name ignoring case. */
  public static final List<String> NAME_WORDS =
      List.of("KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL");
  /** Known secrets with at least this many characters are masked anywhere; shorter ones as whole tokens only. */
  public static final int MIN_SEARCHED_LENGTH = 4;

  private SecretRule() {}

  /** Whether {@code name} looks like it holds a secret (contains one of {@link #NAME_WORDS}, ignoring case). */
  public static boolean looksSecret(String name) {
    return looksSecret(name, NAME_WORDS);
  }

  /** Whether {@code name} contains one of {@code upperCaseWords}, ignoring case. */
  public static boolean looksSecret(String name, Collection<String> upperCaseWords) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    for (String word : upperCaseWords) {
      if (upper.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code value} counts as a secret value at all (not null, not blank). */
  public static boolean isMaskable(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * The forms a secret takes in text rendered from values that hold it, each to be masked: the secret
   * itself, as escaped inside a JSON (or double-quoted YAML) string, as escaped inside a single-quoted
   * YAML string, and, for a secret that spans lines, each of its non-blank lines (YAML block scalars
   * indent them). Tools that mask rendered output (the command line does) mask every form.
   */
  public static Set<String> renderedForms(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    if (!isMaskable(secret)) {
      return forms;
    }
    forms.add(secret);
    forms.add(jsonEscaped(secret));
    forms.add(secret.replace("'", "''"));
    if (secret.indexOf('\n') >= 0 || secret.indexOf('\r') >= 0) {
      for (String line : secret.split("\\R")) {
        if (isMaskable(line)) {
          forms.add(line);
        }
      }
    }
    return forms;
  }

  private static String jsonEscaped(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * {@code text} with credentials that need no known value masked: URL user information, URL query
   * parameters with secret names, and {@code Authorization}/{@code Bearer} credentials. Null stays
   * null; text without any of them is returned as it is (the same instance).
   */
  public static String maskCredentials(String text) {
    if (text == null || text.length() < 8) {
      return text;
    }
    String result = text;
    if (result.contains("://")) {
      result = maskUrls(result);
    }
    if (containsIgnoringCase(result, "uthorization")) {
      result = maskGroup(result, Patterns.AUTHORIZATION, 3);
    }
    if (containsIgnoringCase(result, "earer")) {
      result = maskGroup(result, Patterns.BEARER, 2);
    }
    return result;
  }

  private static String maskUrls(String text) {
    String result = maskGroup(text, Patterns.URL_USER_INFO, 2);
    if (result.indexOf('=') < 0) {
      return result;
    }
    Matcher query = Patterns.QUERY_PARAMETER.matcher(result);
    StringBuilder out = null;
    int copied = 0;
    while (query.find()) {
      String value = query.group(3);
      if (!value.isEmpty() && !value.equals(MASK) && looksSecret(query.group(2))) {
        out = out == null ? new StringBuilder(result.length()) : out;
        out.append(result, copied, query.start(3)).append(MASK);
        copied = query.end(3);
      }
    }
    return out == null ? result : out.append(result, copied, result.length()).toString();
  }

  // text with every match's group replaced by the mask (a group already masked, or empty, is left).
  private static String maskGroup(String text, Pattern pattern, int group) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      String value = matcher.group(group);
      if (value == null || value.isEmpty() || value.equals(MASK)) {
        continue;
      }
      out = out == null ? new StringBuilder(text.length()) : out;
      out.append(text, copied, matcher.start(group)).append(MASK);
      copied = matcher.end(group);
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean containsIgnoringCase(String text, String lowerCaseWord) {
    int last = text.length() - lowerCaseWord.length();
    char first = lowerCaseWord.charAt(0);
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if ((c == first || Character.toLowerCase(c) == first) && text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
        return true;
      }
    }
    return false;
  }

  // Compiled when first used, not when the class loads: the cold-start path needs none of them.
  private static final class Patterns {
    // scheme://userinfo@ : the user information runs to the last '@' before the host's end.
    static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://)([^\\s/?#\"'<>@]*(?:@[^\\s/?#\"'<>@]*)*)@");
    static final Pattern QUERY_PARAMETER = Pattern.compile("([?&;#])([^\\s=&;#\"'<>]+)=([^\\s&;#\"'<>]*)");
    static final Pattern AUTHORIZATION = Pattern.compile(
        "(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)(?:(basic|bearer|token|digest|negotiate|apikey)\\s+)?([^\\s\"',;}\\]]+)");
    static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/\\-]{8,}=*)");

    private Patterns() {}
  }
}
