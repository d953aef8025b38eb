package io.synapse.plugins.names;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance, ignoring case, '_' and '-' (so {@code input_path} finds {@code inputPath}). */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code wanted}, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String wanted, Collection<String> candidates) {
    if (wanted == null || wanted.length() > 200) {
      return Optional.empty();
    }
    String normalWanted = normalise(wanted);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(normalWanted, normalise(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.min(3, normalWanted.length() / 3));
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  private static String normalise(String text) {
    return text.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  // Optimal string alignment: insertions, deletions, substitutions and adjacent swaps cost one edit,
  // so "widht" is one edit from "width".
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
