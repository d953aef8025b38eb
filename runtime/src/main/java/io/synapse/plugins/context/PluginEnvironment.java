package io.synapse.plugins.context;

import io.synapse.plugins.errors.ConfigError;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment an action sees: an immutable map of strings with typed getters. Executors pass
 * only what the caller gave them, never the whole process environment.
 */
public final class PluginEnvironment {
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|SECRET|TOKEN|PASSWORD|CREDENTIAL).*");
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

  /** The value of {@code name}, if set. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of {@code name}, or {@code defaultValue}. */
  public String getStr(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  /**
   * The integer value of {@code name}, or {@code defaultValue} when unset.
   *
   * @throws ConfigError naming the key when the value is not an integer
   */
  public int getInt(String name, int defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigError("Environment entry " + name + " is not an integer", Map.of("name", name), e);
    }
  }

  /**
   * The boolean value of {@code name} (true/false/1/0/yes/no/on/off), or {@code defaultValue}.
   *
   * @throws ConfigError naming the key for any other value
   */
  public boolean getBool(String name, boolean defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigError("Environment entry " + name + " is not a boolean (true/false/1/0/yes/no/on/off)", Map.of("name", name));
    }
  }

  /** Every entry. */
  public Map<String, String> asMap() {
    return values;
  }

  /** Whether {@code name} looks like it holds a secret (KEY, SECRET, TOKEN, PASSWORD, CREDENTIAL). */
  public static boolean isSecretName(String name) {
    return SECRET_NAME.matcher(name).matches();
  }

  /** The entries, with secret-looking values replaced by {@code ***}. */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    values.forEach((name, value) -> shown.put(name, isSecretName(name) ? "***" : value));
    return "PluginEnvironment" + shown;
  }
}
