package io.synapse.plugins.environment;

import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.secrets.SecretRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment an action sees: an immutable map of strings with typed getters. Executors pass
 * only what the caller gave them, never the whole process environment.
 *
 * <p>Every typed getter comes in two forms: without a default, a missing entry is a
 * {@link ConfigError}; with one, a missing entry gives the default. Either way a malformed value is a
 * {@code ConfigError} naming the entry, never silently replaced by the default. Error messages quote
 * the offending value unless the entry's name {@linkplain #isSecretName looks secret}.
 */
public final class PluginEnvironment {
  private static final PluginEnvironment EMPTY = new PluginEnvironment(Map.of());

  private final Map<String, String> values;

  private PluginEnvironment(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** An environment holding {@code values} (copied). */
  public static PluginEnvironment of(Map<String, String> values) {
    for (Map.Entry<String, String> entry : values.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        throw new ConfigError("Environment entries must have a name and a value", Map.of("name", String.valueOf(entry.getKey())));
      }
    }
    return values.isEmpty() ? EMPTY : new PluginEnvironment(values);
  }

  /** The empty environment. */
  public static PluginEnvironment empty() {
    return EMPTY;
  }

  /**
   * The whole process environment. Give an action only what it needs: prefer
   * {@link #fromEnviron(String)}.
   */
  public static PluginEnvironment fromEnviron() {
    return of(System.getenv());
  }

  /**
   * The process environment entries whose names start with {@code prefix}, with the prefix removed:
   * with prefix {@code PLUGIN_}, {@code PLUGIN_BATCH_SIZE} is seen as {@code BATCH_SIZE}.
   */
  public static PluginEnvironment fromEnviron(String prefix) {
    return fromEnviron().withPrefix(prefix);
  }

  /**
   * The entries of a file, by its extension: {@code .toml} (tables give dotted names such as
   * {@code db.host}, arrays give comma-separated lists), {@code .properties}, or {@code .env}
   * ({@code NAME=value} lines, {@code #} comments, optional {@code export} and quotes).
   *
   * @throws ConfigError naming the file, and the line where known, when it is missing, unreadable,
   *     malformed or of another format
   */
  public static PluginEnvironment fromFile(Path file) {
    return of(EnvironmentFiles.read(Objects.requireNonNull(file, "file")));
  }

  /** The entries whose names start with {@code prefix}, with the prefix removed. */
  public PluginEnvironment withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    Map<String, String> selected = new TreeMap<>();
    values.forEach((name, value) -> {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        selected.put(name.substring(prefix.length()), value);
      }
    });
    return of(selected);
  }

  /** A new environment with this one's entries and {@code other}'s, {@code other} winning on a shared name. */
  public PluginEnvironment merge(PluginEnvironment other) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(other.values);
    return of(merged);
  }

  /** The value of {@code name}, if set. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Whether {@code name} is set. */
  public boolean contains(String name) {
    return values.containsKey(name);
  }

  /**
   * The value of {@code name}.
   *
   * @throws ConfigError naming the key when it is not set
   */
  public String getStr(String name) {
    return required(name);
  }

  /** The value of {@code name}, or {@code defaultValue}. */
  public String getStr(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  /**
   * The integer value of {@code name}.
   *
   * @throws ConfigError naming the key when it is not set or not an integer
   */
  public int getInt(String name) {
    return parse(name, required(name), "an integer", Integer::parseInt);
  }

  /**
   * The integer value of {@code name}, or {@code defaultValue} when unset.
   *
   * @throws ConfigError naming the key when the value is not an integer
   */
  public int getInt(String name, int defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue : parse(name, value, "an integer", Integer::parseInt);
  }

  /**
   * The long integer value of {@code name}.
   *
   * @throws ConfigError naming the key when it is not set or not an integer
   */
  public long getLong(String name) {
    return parse(name, required(name), "an integer", Long::parseLong);
  }

  /**
   * The long integer value of {@code name}, or {@code defaultValue} when unset.
   *
   * @throws ConfigError naming the key when the value is not an integer
   */
  public long getLong(String name, long defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue : parse(name, value, "an integer", Long::parseLong);
  }

  /**
   * The decimal value of {@code name}.
   *
   * @throws ConfigError naming the key when it is not set or not a finite decimal number
   */
  public double getDouble(String name) {
    return parse(name, required(name), "a decimal number", PluginEnvironment::parseDecimal);
  }

  /**
   * The decimal value of {@code name}, or {@code defaultValue} when unset.
   *
   * @throws ConfigError naming the key when the value is not a finite decimal number
   */
  public double getDouble(String name, double defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue : parse(name, value, "a decimal number", PluginEnvironment::parseDecimal);
  }

  /**
   * The decimal value of {@code name} as a float.
   *
   * @throws ConfigError naming the key when it is not set or not a decimal number a float can hold
   */
  public float getFloat(String name) {
    return parse(name, required(name), "a decimal number", PluginEnvironment::parseFloat);
  }

  /**
   * The decimal value of {@code name} as a float, or {@code defaultValue} when unset.
   *
   * @throws ConfigError naming the key when the value is not a decimal number a float can hold
   */
  public float getFloat(String name, float defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue : parse(name, value, "a decimal number", PluginEnvironment::parseFloat);
  }

  /**
   * The boolean value of {@code name} (true/false/1/0/yes/no/on/off, any case).
   *
   * @throws ConfigError naming the key when it is not set or has any other value
   */
  public boolean getBool(String name) {
    return parse(name, required(name), "a boolean (true/false/1/0/yes/no/on/off)", PluginEnvironment::parseBoolean);
  }

  /**
   * The boolean value of {@code name} (true/false/1/0/yes/no/on/off), or {@code defaultValue}.
   *
   * @throws ConfigError naming the key for any other value
   */
  public boolean getBool(String name, boolean defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue
        : parse(name, value, "a boolean (true/false/1/0/yes/no/on/off)", PluginEnvironment::parseBoolean);
  }

  /**
   * The comma-separated items of {@code name}, trimmed, empty items dropped ({@code "a, b,,c"} is
   * {@code [a, b, c]}).
   *
   * @throws ConfigError naming the key when it is not set
   */
  public List<String> getList(String name) {
    return splitList(required(name));
  }

  /** The comma-separated items of {@code name} (trimmed, empty items dropped), or {@code defaultValue} when unset. */
  public List<String> getList(String name, List<String> defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue : splitList(value);
  }

  /**
   * The duration value of {@code name}: a whole number with a unit ({@code 500ms}, {@code 30s},
   * {@code 5m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT1M30S}). A bare number is rejected, since
   * its unit would be a guess.
   *
   * @throws ConfigError naming the key when it is not set or not a duration
   */
  public Duration getDuration(String name) {
    return parse(name, required(name), "a duration (500ms, 30s, 5m, 2h, 1d or ISO-8601 such as PT1M30S)",
        PluginEnvironment::parseDuration);
  }

  /**
   * The duration value of {@code name} (see {@link #getDuration(String)}), or {@code defaultValue} when unset.
   *
   * @throws ConfigError naming the key when the value is not a duration
   */
  public Duration getDuration(String name, Duration defaultValue) {
    String value = values.get(name);
    return value == null ? defaultValue
        : parse(name, value, "a duration (500ms, 30s, 5m, 2h, 1d or ISO-8601 such as PT1M30S)", PluginEnvironment::parseDuration);
  }

  /** Every entry, sorted by name. */
  public Map<String, String> asMap() {
    return values;
  }

  /** Whether {@code name} looks like it holds a secret: {@link SecretRule#looksSecret(String)}. */
  public static boolean isSecretName(String name) {
    return SecretRule.looksSecret(name);
  }

  /** Entries are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PluginEnvironment environment && values.equals(environment.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The entries, with secret-looking values replaced by {@value SecretRule#MASK}. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((name, value) -> shown.put(name, isSecretName(name) ? SecretRule.MASK : value));
    return "PluginEnvironment" + shown;
  }

  private String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new ConfigError("Environment entry " + name + " is required but not set", Map.of("name", name));
    }
    return value;
  }

  private static <T> T parse(String name, String value, String expected, Function<String, T> parser) {
    try {
      return parser.apply(value.trim());
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("name", name);
      // A secret must not end up in logs through an error message.
      String shown = isSecretName(name) ? "(value hidden)" : "'" + value + "'";
      if (!isSecretName(name)) {
        details.put("value", value);
      }
      throw new ConfigError("Environment entry " + name + " is not " + expected + ": " + shown, details, isSecretName(name) ? null : e);
    }
  }

  private static double parseDecimal(String text) {
    if (!Patterns.DECIMAL.matcher(text).matches()) {
      throw new NumberFormatException("not a decimal");
    }
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      throw new NumberFormatException("out of range");
    }
    return value;
  }

  private static float parseFloat(String text) {
    double value = parseDecimal(text);
    if (Math.abs(value) > Float.MAX_VALUE) {
      throw new NumberFormatException("out of float range");
    }
    return (float) value;
  }

  private static boolean parseBoolean(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new IllegalArgumentException("not a boolean");
    }
  }

  private static Duration parseDuration(String text) {
    Matcher simple = Patterns.SIMPLE_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      switch (simple.group(2)) {
        case "ms":
          return Duration.ofMillis(amount);
        case "s":
          return Duration.ofSeconds(amount);
        case "m":
          return Duration.ofMinutes(amount);
        case "h":
          return Duration.ofHours(amount);
        default:
          return Duration.ofDays(amount);
      }
    }
    return Duration.parse(text);
  }

  private static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
  }

  // Compiled when first used, not when the class loads: the cold-start path needs none of them.
  private static final class Patterns {
    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Patterns() {}
  }
}
