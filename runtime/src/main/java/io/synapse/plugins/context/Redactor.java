package io.synapse.plugins.context;

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
 * Hides secret values in events and messages. It knows two kinds of secrets: values given outright
 * (the values of {@code @Secret} params) and the values of environment entries whose names look
 * secret (containing KEY, SECRET, TOKEN, PASSWORD or CREDENTIAL, ignoring case; the words are
 * configurable). Every occurrence of a secret in a string is replaced by {@value #MASK}, and every
 * string stored under a secret-looking name in event data is replaced whole.
 *
 * <p>Secrets shorter than {@value #MIN_SECRET_LENGTH} characters are not searched for inside strings,
 * since masking every {@code "1"} or {@code "no"} would garble every message; they are still hidden
 * when stored under a secret-looking name. Immutable and thread-safe.
 */
public final class Redactor {
  /** What a secret is replaced by. */
  public static final String MASK = "***";
  /** Secrets shorter than this are not searched for inside strings. */
  public static final int MIN_SECRET_LENGTH = 4;
  /** The words that make an entry's name look secret, by default. */
  public static final List<String> DEFAULT_SECRET_NAME_WORDS = List.of("KEY", "SECRET", "TOKEN", "PASSWORD", "CREDENTIAL");

  private static final Redactor NONE = new Redactor(List.of(), DEFAULT_SECRET_NAME_WORDS);

  private final List<String> secrets;
  private final List<String> secretNameWords;

  private Redactor(List<String> secrets, List<String> secretNameWords) {
    this.secrets = secrets;
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
    if (name == null) {
      return false;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    for (String word : secretNameWords) {
      if (upper.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with every known secret replaced by {@value #MASK}; null stays null. */
  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
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
      map.forEach((key, item) -> {
        String name = redact(String.valueOf(key));
        // Only text is masked whole: a count such as {"keypoints": 17} is not a secret.
        copy.put(name, item instanceof String && isSecretName(String.valueOf(key)) ? MASK : redactValue(item));
      });
      return copy;
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>(items.size());
      items.forEach(item -> copy.add(redactValue(item)));
      return copy;
    }
    return value;
  }

  /** {@code event} with its name, category, message and data redacted. */
  @SuppressWarnings("unchecked")
  public PluginEvent redact(PluginEvent event) {
    if (secrets.isEmpty() && event.type() == EventType.PROGRESS) {
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

    /** Adds secret values (for example the values of {@code @Secret} params); nulls and empty strings are ignored. */
    public Builder secretValues(Collection<String> values) {
      values.forEach(this::secretValue);
      return this;
    }

    /** Adds one secret value; null and the empty string are ignored. */
    public Builder secretValue(String value) {
      if (value != null && !value.isEmpty()) {
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
      if (secrets.isEmpty() && environments.stream().allMatch(environment -> environment.asMap().isEmpty())) {
        return secretNameWords == DEFAULT_SECRET_NAME_WORDS ? NONE : new Redactor(List.of(), secretNameWords);
      }
      Redactor names = new Redactor(List.of(), secretNameWords);
      Set<String> all = new TreeSet<>(secrets);
      for (PluginEnvironment environment : environments) {
        environment.asMap().forEach((name, value) -> {
          if (names.isSecretName(name) && !value.isEmpty()) {
            all.add(value);
          }
        });
      }
      // Longest first, so a secret containing another is masked whole.
      List<String> searchable = all.stream()
          .filter(secret -> secret.length() >= MIN_SECRET_LENGTH)
          .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
          .toList();
      return new Redactor(searchable, secretNameWords);
    }
  }
}
