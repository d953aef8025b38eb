package io.synapse.plugins.environment;

import io.synapse.plugins.events.EventSink;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.PluginEvent;
import io.synapse.plugins.secrets.SecretRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hides secrets in events and messages, following the project's one {@link SecretRule}. It knows two
 * kinds of secrets: values given outright (the values of {@code @Secret} params) and the values of
 * environment entries whose names look secret ({@link SecretRule#NAME_WORDS}, ignoring case; the words
 * are configurable). A secret of {@value #MIN_SECRET_LENGTH} or more characters is replaced by
 * {@value #MASK} wherever it occurs in a string, a shorter one wherever it stands as a whole token
 * (not next to a letter or digit), and every string stored under a secret-looking name in event data is
 * replaced whole. Credentials that need no known value (URL user information, secret-named URL query
 * parameters, {@code Authorization} and {@code Bearer} credentials) are always masked
 * ({@link SecretRule#maskCredentials}). Immutable and thread-safe.
 */
public final class Redactor {
  /** What a secret is replaced by: {@link SecretRule#MASK}. */
  public static final String MASK = SecretRule.MASK;
  /** Secrets shorter than this are masked only where they stand as a whole token: {@link SecretRule#MIN_SEARCHED_LENGTH}. */
  public static final int MIN_SECRET_LENGTH = SecretRule.MIN_SEARCHED_LENGTH;
  /** The words that make an entry's name look secret, by default: {@link SecretRule#NAME_WORDS}. */
  public static final List<String> DEFAULT_SECRET_NAME_WORDS = SecretRule.NAME_WORDS;

  private static final Redactor NONE = new Redactor(List.of(), List.of(), DEFAULT_SECRET_NAME_WORDS);

  // Longest first, so that a secret containing another is masked whole.
  private final List<String> secrets;
  private final List<String> shortSecrets;
  private final List<String> secretNameWords;

  private Redactor(List<String> secrets, List<String> shortSecrets, List<String> secretNameWords) {
    this.secrets = secrets;
    this.shortSecrets = shortSecrets;
    this.secretNameWords = secretNameWords;
  }

  /** A redactor that knows no secret values (it still hides values stored under secret-looking names). */
  public static Redactor none() {
    return NONE;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code name} looks like it holds a secret. */
  public boolean isSecretName(String name) {
    return SecretRule.looksSecret(name, secretNameWords);
  }

  /** Whether this redactor knows any secret value (credentials in text are masked either way). */
  public boolean hasSecrets() {
    return !secrets.isEmpty() || !shortSecrets.isEmpty();
  }

  /**
   * {@code text} with every known secret replaced by {@value #MASK} (short ones as whole tokens only)
   * and credentials masked as {@link SecretRule#maskCredentials} does; null stays null.
   */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = SecretRule.maskCredentials(text);
    for (String secret : secrets) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    for (String secret : shortSecrets) {
      if (result.contains(secret)) {
        result = replaceWholeTokens(result, secret);
      }
    }
    return result;
  }

  // Every occurrence of secret that has no letter or digit right before or after it.
  private static String replaceWholeTokens(String text, String secret) {
    StringBuilder out = null;
    int copied = 0;
    for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
      int end = at + secret.length();
      boolean glued = at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))
          || end < text.length() && Character.isLetterOrDigit(text.charAt(end));
      if (!glued && at >= copied) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, copied, at).append(MASK);
        copied = end;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * A JSON-like value (maps, lists, strings, other scalars) with secrets hidden: strings are redacted,
   * and strings under secret-looking map keys are replaced whole. Other values are kept as they are.
   */
  public Object redactValue(Object value) {
    if (value instanceof String text) {
      return redact(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = entry.getKey();
        Object item = entry.getValue();
        String name = redact(String.valueOf(key));
        // Only text is masked whole: a count such as {"keypoints": 17} is not a secret.
        copy.put(name, item instanceof String && isSecretName(String.valueOf(key)) ? MASK : redactValue(item));
      }
      return copy;
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>(items.size());
      for (Object item : items) {
        copy.add(redactValue(item));
      }
      return copy;
    }
    return value;
  }

  /** {@code event} with its name, category, message and data redacted. */
  @SuppressWarnings("unchecked")
  public PluginEvent redact(PluginEvent event) {
    if (!hasSecrets() && event.type() == EventType.PROGRESS
        && SecretRule.maskCredentials(event.category()) == event.category() && SecretRule.maskCredentials(event.name()) == event.name()) {
      // Hot path: progress data is the runtime's own numbers, and there is nothing to search for.
      return event;
    }
    Map<String, Object> data = event.data().isEmpty() ? event.data() : (Map<String, Object>) redactValue(event.data());
    return new PluginEvent(event.type(), event.level(), event.action(), redact(event.category()), redact(event.name()),
        redact(event.message()), data, event.progress(), event.timestamp(), event.jobId(), event.plugin());
  }

  /** A sink passing every event, redacted, to {@code sink}. */
  public EventSink redacting(EventSink sink) {
    Objects.requireNonNull(sink, "sink");
    return new EventSink() {
      @Override
      public void accept(PluginEvent event) {
        sink.accept(redact(event));
      }

      @Override
      public void flush() {
        sink.flush();
      }
    };
  }

  /** Builds a {@link Redactor}. */
  public static final class Builder {
    private final Set<String> secrets = new TreeSet<>();
    private final List<PluginEnvironment> environments = new ArrayList<>();
    private List<String> secretNameWords = DEFAULT_SECRET_NAME_WORDS;

    private Builder() {}

    /** Adds secret values (for example the values of {@code @Secret} params); nulls and blank strings are ignored. */
    public Builder secretValues(Collection<String> values) {
      for (String value : values) {
        secretValue(value);
      }
      return this;
    }

    /** Adds one secret value; null and blank strings are ignored (they hide nothing). */
    public Builder secretValue(String value) {
      if (SecretRule.isMaskable(value)) {
        secrets.add(value);
      }
      return this;
    }

    /** Treats the values of {@code environment}'s secret-looking entries as secrets. */
    public Builder environment(PluginEnvironment environment) {
      environments.add(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /**
     * The words that make a name look secret, matched case-insensitively anywhere in the name
     * (default: {@link #DEFAULT_SECRET_NAME_WORDS}).
     */
    public Builder secretNameWords(Collection<String> words) {
      this.secretNameWords = words == DEFAULT_SECRET_NAME_WORDS
          ? DEFAULT_SECRET_NAME_WORDS
          : words.stream().map(word -> word.toUpperCase(Locale.ROOT)).toList();
      return this;
    }

    /** The redactor. */
    public Redactor build() {
      if (secrets.isEmpty() && noEnvironmentValues()) {
        return secretNameWords == DEFAULT_SECRET_NAME_WORDS ? NONE : new Redactor(List.of(), List.of(), secretNameWords);
      }
      Set<String> all = new TreeSet<>(secrets);
      for (PluginEnvironment environment : environments) {
        for (Map.Entry<String, String> entry : environment.asMap().entrySet()) {
          if (SecretRule.looksSecret(entry.getKey(), secretNameWords) && SecretRule.isMaskable(entry.getValue())) {
            all.add(entry.getValue());
          }
        }
      }
      return new Redactor(longestFirst(all, true), longestFirst(all, false), secretNameWords);
    }

    // A loop, not a stream: every LOCAL executor builds a redactor on the cold-start path.
    private boolean noEnvironmentValues() {
      for (PluginEnvironment environment : environments) {
        if (!environment.asMap().isEmpty()) {
          return false;
        }
      }
      return true;
    }

    private static List<String> longestFirst(Set<String> secrets, boolean searchedAnywhere) {
      return secrets.stream()
          .filter(secret -> (secret.length() >= MIN_SECRET_LENGTH) == searchedAnywhere)
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
          .toList();
    }
  }
}
