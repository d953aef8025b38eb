package io.synapse.plugins.maven;

import io.synapse.plugins.cli.ExitCodes;

/** What a command line exit code means, for build failure messages. */
final class ExitCodeNames {
  private ExitCodeNames() {}

  static String of(int exitCode) {
    return switch (exitCode) {
      case ExitCodes.OK -> "success";
      case ExitCodes.USAGE -> "usage error";
      case ExitCodes.VALIDATION -> "invalid params";
      case ExitCodes.NOT_FOUND -> "plugin, action or job not found";
      case ExitCodes.EXECUTION -> "the action failed";
      case ExitCodes.TIMEOUT -> "timeout";
      case ExitCodes.CONFIG -> "configuration error";
      default -> "internal error";
    };
  }
}
