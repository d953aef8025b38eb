package io.synapse.plugins.cli;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.secrets.SecretRule;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values seen on this command line (values of {@code @Secret} params, values of env
 * variables and arguments with secret-looking names), which no output of the run may show. Names,
 * the mask and how values are found in text are the runtime's {@link SecretRule}: a {@link Redactor}
 * over the values known so far does the masking. Thread-safe; values may be added while output is
 * being written.
 */
public final class Secrets {
  /** What replaces a secret value in output: {@link SecretRule#MASK}. */
  public static final String MASK = SecretRule.MASK;

  private static final List<String> VALUE_OPTIONS = List.of("--env", "--param", "-p");

  private final Set<String> values = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
  // The redactor of the values known at `version`, built when output is next written: a secret list
  // param adds its values one by one, and rebuilding for each would cost the square of their number.
  private volatile Built built = new Built(Redactor.none(), 0);

  private record Built(Redactor redactor, long version) {}

  /** Whether a variable or param named {@code name} holds a secret by its name ({@link SecretRule#looksSecret}). */
  public static boolean looksSecret(String name) {
    return SecretRule.looksSecret(name);
  }

  /**
   * Remembers {@code value} as secret, in every form it takes in rendered output
   * ({@link SecretRule#renderedForms}: as is, escaped in JSON and YAML strings, line by line); blank
   * values hide nothing and are ignored.
   */
  public void add(String value) {
    if (SecretRule.isMaskable(value) && values.addAll(SecretRule.renderedForms(value))) {
      version.incrementAndGet();
    }
  }

  /**
   * Remembers, before parsing, the values the raw arguments give to secret-looking names, so that
   * even a parse error that quotes an argument cannot show them: {@code NAME=VALUE} (also after
   * {@code -p}, {@code --param} and {@code --env}, attached or not, and after leading dashes), and
   * {@code NAME VALUE} where a secret-looking name without {@code =}, given to {@code -p},
   * {@code --param} or {@code --env} or as an option of its own, is followed by another argument
   * ({@code -p apiToken s3cr3t}, {@code --env API_KEY s3cr3t}, {@code --token s3cr3t}). A plugin or
   * action name is not an option: {@code run my_keys_plugin process} hides nothing. The user
   * information of a URL in any argument ({@code --dashboard http://user:pass@host}) is secret too,
   * whole and its password alone.
   */
  public void addFromRawArguments(String[] args) {
    for (int i = 0; i < args.length; i++) {
      addUrlUserInfo(args[i]);
      String name = nameOf(args[i]);
      int equals = name.indexOf('=');
      boolean optionLike = args[i].startsWith("-") || i > 0 && VALUE_OPTIONS.contains(args[i - 1]);
      if (equals > 0 && looksSecret(name.substring(0, equals))) {
        add(name.substring(equals + 1));
      } else if (equals < 0 && optionLike && looksSecret(name) && i + 1 < args.length && !args[i + 1].startsWith("-")) {
        add(args[i + 1]);
      }
    }
  }

  private void addUrlUserInfo(String arg) {
    int scheme = arg.indexOf("://");
    int at = scheme < 0 ? -1 : arg.lastIndexOf('@');
    if (at > scheme + 3) {
      String authority = arg.substring(scheme + 3, at);
      if (authority.indexOf('/') < 0 && authority.indexOf('?') < 0 && authority.indexOf('#') < 0) {
        add(authority);
        int colon = authority.indexOf(':');
        if (colon >= 0) {
          add(authority.substring(colon + 1));
        }
      }
    }
  }

  /** {@code text} with every known secret and every credential ({@link SecretRule#maskCredentials}) masked. */
  public String redact(String text) {
    return text == null || text.isEmpty() ? text : redactor().redact(text);
  }

  private Redactor redactor() {
    Built current = built;
    long wanted = version.get();
    if (current.version() != wanted) {
      // Built from a snapshot taken after reading the version: at worst it holds more values than that.
      current = new Built(Redactor.builder().secretValues(List.copyOf(values)).build(), wanted);
      built = current;
    }
    return current.redactor();
  }

  // The NAME[=VALUE] part of an argument: without the option that carries it and without leading dashes.
  private static String nameOf(String arg) {
    String rest = arg;
    for (String option : VALUE_OPTIONS) {
      if (rest.startsWith(option + "=")) {
        rest = rest.substring(option.length() + 1);
        break;
      }
      if (option.equals("-p") && rest.startsWith("-p") && !rest.startsWith("--")) {
        rest = rest.substring(2);
        break;
      }
    }
    int dashes = 0;
    while (dashes < rest.length() && rest.charAt(dashes) == '-') {
      dashes++;
    }
    return rest.substring(dashes);
  }
}
