package io.synapse.plugins.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The environment options of {@code run}: {@code --env-file FILE} then repeated {@code --env K=V}
 * (later wins). Only these reach the action: the shell's environment is not forwarded.
 */
public final class EnvOptions {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  /** The largest environment file read (a .env file is a few lines; a huge one is a mistake). */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable for the action; repeatable.")
  List<String> pairs = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Environment variables from a .env file: KEY=VALUE lines, # comments, optional quotes and 'export '.")
  Path file;

  /** The variables; values of secret-looking names are added to {@code secrets}. */
  Map<String, String> collect(Secrets secrets) {
    Map<String, String> env = new LinkedHashMap<>();
    if (file != null) {
      env.putAll(readFile(file));
    }
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0 || !NAME.matcher(pair.substring(0, equals)).matches()) {
        throw CliException.usage("--env expects KEY=VALUE with a variable name as KEY");
      }
      env.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    env.forEach((name, value) -> {
      if (Secrets.looksSecret(name)) {
        secrets.add(value);
      }
    });
    return env;
  }

  /** Parses .env text; errors name the line, never its value. */
  static Map<String, String> parse(List<String> lines, String source) {
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      String name = equals < 0 ? "" : line.substring(0, equals).strip();
      if (!NAME.matcher(name).matches()) {
        throw CliException.usage(source + " line " + (i + 1) + ": expected KEY=VALUE");
      }
      env.put(name, value(line.substring(equals + 1).strip()));
    }
    return env;
  }

  private static String value(String raw) {
    if (raw.length() >= 2 && (raw.startsWith("\"") && raw.endsWith("\"") || raw.startsWith("'") && raw.endsWith("'"))) {
      String inner = raw.substring(1, raw.length() - 1);
      return raw.startsWith("\"") ? inner.replace("\\n", "\n").replace("\\\"", "\"") : inner;
    }
    int comment = raw.indexOf(" #");
    return comment >= 0 ? raw.substring(0, comment).stripTrailing() : raw;
  }

  private static Map<String, String> readFile(Path path) {
    if (!Files.isRegularFile(path)) {
      throw CliException.usage("--env-file " + path + " does not exist or is not a file");
    }
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw CliException.usage("--env-file " + path + " is over the " + MAX_FILE_BYTES + "-byte limit for environment files");
      }
      return parse(Files.readAllLines(path, StandardCharsets.UTF_8), "--env-file " + path);
    } catch (IOException e) {
      throw CliException.usage("--env-file " + path + " cannot be read: " + e.getClass().getSimpleName());
    }
  }
}
