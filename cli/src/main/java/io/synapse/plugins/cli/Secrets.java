package io.synapse.plugins.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values seen on this command line (values of {@code @Secret} params, values of env
 * variables with secret-looking names), which no output of the run may show.
 */
public final class Secrets {
  /** What replaces a secret value in output. */
  public static final String MASK = "********";

  private static final List<String> SECRET_NAME_PARTS = List.of("KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "CREDENTIAL");

  private final Set<String> values = ConcurrentHashMap.newKeySet();

  /** Whether a variable or param named {@code name} holds a secret by its name. */
  public static boolean looksSecret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_NAME_PARTS.stream().anyMatch(upper::contains);
  }

  /** Remembers {@code value} as secret (blank values hide nothing and are ignored). */
  public void add(String value) {
    if (value != null && !value.isBlank()) {
      values.add(value);
    }
  }

  /**
   * Remembers the values of {@code NAME=VALUE} arguments whose name looks secret, before parsing, so
   * that even a parse error that quotes an argument cannot show them.
   */
  public void addFromRawArguments(String[] args) {
    for (String arg : args) {
      for (String candidate : List.of(arg, stripOptionPrefix(arg))) {
        int equals = candidate.indexOf('=');
        if (equals > 0 && looksSecret(candidate.substring(0, equals))) {
          add(candidate.substring(equals + 1));
        }
      }
    }
  }

  /** {@code text} with every known secret replaced by {@link #MASK}. */
  public String redact(String text) {
    if (values.isEmpty() || text == null || text.isEmpty()) {
      return text;
    }
    List<String> longestFirst = new ArrayList<>(values);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    String result = text;
    for (String secret : longestFirst) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  private static String stripOptionPrefix(String arg) {
    for (String prefix : List.of("--env=", "--param=", "-p")) {
      if (arg.startsWith(prefix)) {
        return arg.substring(prefix.length());
      }
    }
    return arg;
  }
}
