package io.synapse.plugins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.secrets.SecretRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets of every shape (long, 1-3 characters, one letter, unicode, spaces, quotes, shell syntax,
 * two lines) down every path of the command line: an action printing them to {@code System.out} and
 * {@code System.err}, logging them and returning them; failures, stack overflows, out-of-memory and
 * JVM errors quoting them (with and without {@code --debug} and {@code --json}); usage errors given
 * them without {@code =}; a dashboard URL holding them as its password. No output shows a secret
 * (a 1-3 character one as a whole token), and a one-letter secret does not garble the output.
 */
class CliSecretsSweepTest {
  static final List<String> SECRETS = List.of("s3cr3t-Value_9", "pw1", "e", "pässwörd-ü", "two words here",
      "it's \"quoted\"", "$(whoami);rm", "first-line\nsecond-line");

  @TempDir Path temp;

  /** One command line to try with a secret, and the exit code it must give. */
  record Path_(String name, int exitCode, List<String> args) {}

  static List<Path_> paths(String secret, Path paramsFile) {
    List<Path_> paths = new ArrayList<>();
    List<String> leak = List.of("run", "hostile_plugin", "leak", "-p", "token=" + secret, "-p", "kind=none",
        "--env", "SERVICE_TOKEN=" + secret);
    paths.add(new Path_("leak", 0, leak));
    paths.add(new Path_("leak --json", 0, concat(leak, "--json")));
    paths.add(new Path_("leak --debug --progress plain", 0, concat(leak, "--debug", "--progress", "plain")));
    for (String kind : List.of("stack_overflow", "real_stack_overflow", "out_of_memory", "unknown")) {
      List<String> explode = List.of("run", "hostile_plugin", "explode", "-p", "token=" + secret, "-p", "kind=" + kind);
      paths.add(new Path_("explode " + kind, ExitCodes.EXECUTION, explode));
      paths.add(new Path_("explode " + kind + " --debug --json", ExitCodes.EXECUTION, concat(explode, "--debug", "--json")));
    }
    List<String> internal = List.of("run", "hostile_plugin", "explode", "-p", "token=" + secret, "-p", "kind=internal_error");
    paths.add(new Path_("explode internal_error", ExitCodes.FATAL, internal));
    paths.add(new Path_("explode internal_error --debug --json", ExitCodes.FATAL, concat(internal, "--debug", "--json")));
    paths.add(new Path_("explode background_exception", 0,
        List.of("run", "hostile_plugin", "explode", "-p", "token=" + secret, "-p", "kind=background_exception")));
    paths.add(new Path_("validate echoes params", 0, List.of("validate", "hostile_plugin", "leak", "-p", "token=" + secret)));
    paths.add(new Path_("--params JSON", 0, List.of("validate", "hostile_plugin", "leak", "--params",
        "{\"token\": " + Json.pretty(secret) + ", \"kind\": \"x\"}")));
    paths.add(new Path_("--params-file YAML", 0, List.of("validate", "hostile_plugin", "leak", "--params-file", paramsFile.toString())));
    paths.add(new Path_("-p token VALUE (no '=')", ExitCodes.USAGE, List.of("run", "hostile_plugin", "leak", "-p", "token", secret)));
    paths.add(new Path_("--env API_KEY VALUE", ExitCodes.USAGE, List.of("run", "hostile_plugin", "leak", "--env", "API_KEY", secret)));
    paths.add(new Path_("--token VALUE (unknown option)", ExitCodes.USAGE, List.of("run", "hostile_plugin", "leak", "--token", secret)));
    paths.add(new Path_("--num-actors VALUE (bad int)", ExitCodes.USAGE,
        List.of("run", "hostile_plugin", "leak", "-p", "token=" + secret, "--num-actors", secret)));
    String url = "http://admin:" + secret + "@127.0.0.1:9/";
    // A password with characters a URL cannot hold makes the URL a usage error; else the dashboard is unreachable.
    int dashboardExit = parses(url) ? ExitCodes.CONFIG : ExitCodes.USAGE;
    paths.add(new Path_("--dashboard with a password", dashboardExit,
        List.of("run", "hostile_plugin", "leak", "-p", "token=x", "--mode", "job", "--dashboard", url, "--json")));
    paths.add(new Path_("job list --dashboard with a password", dashboardExit, List.of("job", "list", "--dashboard", url, "--json")));
    return paths;
  }

  @Test
  void noSecretReachesAnyOutputOfAnyPath() throws Exception {
    List<String> leaks = new ArrayList<>();
    int tried = 0;
    for (String secret : SECRETS) {
      Path paramsFile = Files.writeString(temp.resolve("p" + tried + ".yaml"), "token: " + Json.pretty(secret) + "\nkind: x\n");
      for (Path_ path : paths(secret, paramsFile)) {
        tried++;
        Cli.Result r = Cli.runMain(path.args().toArray(String[]::new));
        String all = r.out() + r.err();
        if (r.exitCode() != path.exitCode()) {
          leaks.add(path.name() + " [" + printable(secret) + "]: exit " + r.exitCode() + " instead of " + path.exitCode() + "\n" + r);
        }
        if (shows(all, secret)) {
          leaks.add(path.name() + " [" + printable(secret) + "] shows the secret:\n" + r);
        }
        if (all.contains("Exception in thread \"main\"")) {
          leaks.add(path.name() + " [" + printable(secret) + "] printed a raw exception:\n" + r);
        }
        if (path.args().contains("--json") && path.exitCode() != 0 && !path.name().startsWith("-")) {
          Object parsed = Json.parseJson(r.out(), "out");
          if (!(parsed instanceof Map<?, ?> map) || !(map.get("error") instanceof Map<?, ?> error)
              || !Integer.valueOf(path.exitCode()).equals(error.get("exit_code"))) {
            leaks.add(path.name() + " [" + printable(secret) + "]: no --json error object\n" + r);
          }
        }
      }
    }
    assertEquals(List.of(), leaks, leaks.size() + " of " + tried + " paths failed");
    assertEquals(SECRETS.size() * 23, tried, "RELIABILITY.md quotes this count");
  }

  @Test
  void whatAnActionPrintsIsMaskedAndTheMaskIsTheRuntimes() {
    Cli.Result r = Cli.runMain("run", "hostile_plugin", "leak", "-p", "token=abc-secret-123", "-p", "kind=none", "--progress", "plain");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.err().contains("stdout line with " + SecretRule.MASK + "\n"), r::toString);
    assertTrue(r.err().contains("stdout split " + SecretRule.MASK + " end\n"), "a secret split across two writes: " + r);
    assertTrue(r.err().contains("stderr line with " + SecretRule.MASK + "\n"), r::toString);
    assertTrue(r.err().contains("a stack trace printed with " + SecretRule.MASK), r::toString);
    assertEquals("status: done\nseen: seen " + SecretRule.MASK + "\n", r.out(), "standard output holds only the result");
    assertEquals("***", Secrets.MASK);
  }

  @Test
  void aOneLetterSecretMasksOnlyItselfNotEveryLetter() {
    Cli.Result r = Cli.runMain("run", "hostile_plugin", "explode", "-p", "token=e", "-p", "kind=unknown");
    assertEquals(ExitCodes.EXECUTION, r.exitCode(), r::toString);
    assertEquals("error: Action 'explode' of plugin 'hostile_plugin' failed: IllegalArgumentException: unknown kind unknown with ***\n",
        r.err(), r::toString);
  }

  @Test
  void usageErrorsNameOptionsAndPositionsNotValues() {
    Cli.Result unmatched = Cli.runMain("run", "hostile_plugin", "leak", "-p", "pin", "4711");
    assertEquals(ExitCodes.USAGE, unmatched.exitCode(), unmatched::toString);
    assertTrue(unmatched.err().startsWith("error: Unmatched argument at index 5: '***'\n"), unmatched::toString);
    Cli.Result typo = Cli.runMain("rnu", "x");
    assertTrue(typo.err().contains("'rnu'"), "the command word is shown: " + typo);
  }

  @Test
  void aPluginNamedWithASecretWordHidesNothing() {
    Secrets secrets = new Secrets();
    secrets.addFromRawArguments(new String[] {"run", "my_keys_plugin", "process", "-p", "tokenCount", "3"});
    assertEquals("my_keys_plugin process", secrets.redact("my_keys_plugin process"));
    secrets.addFromRawArguments(new String[] {"-p", "apiToken", "hunter22", "--env=API_KEY=k-123456", "-psecret=abcd"});
    assertEquals("*** *** ***", secrets.redact("hunter22 k-123456 abcd"));
  }

  /** Whether {@code output} shows the secret: as it is, JSON-escaped, or any of its lines. */
  private static boolean shows(String output, String secret) {
    List<String> forms = new ArrayList<>(List.of(secret, Json.pretty(secret).replaceAll("^\"|\"$", "")));
    if (secret.contains("\n")) {
      forms.addAll(secret.lines().toList());
    }
    for (String form : forms) {
      boolean found = form.length() >= SecretRule.MIN_SEARCHED_LENGTH ? output.contains(form)
          : Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])").matcher(output).find();
      if (found) {
        return true;
      }
    }
    return false;
  }

  private static boolean parses(String url) {
    try {
      java.net.URI.create(url);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String printable(String secret) {
    return secret.replace("\n", "\\n");
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }
}
