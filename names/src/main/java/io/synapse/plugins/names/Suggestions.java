package io.synapse.plugins.names;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions: the one rule the processor (for {@code @Default} values, while javac runs)
 * and the runtime (for params keys, action, step and plugin names) both apply, so a typo gets the same
 * suggestion at compile time and at run time.
 *
 * <p>The candidate nearest to the wanted name is suggested when it is at most {@code max(1, min(3, n / 3))}
 * edits away, {@code n} being the wanted name's length once case, {@code _} and {@code -} are ignored
 * (so {@code input_path} finds {@code inputPath} and {@code BATCH-SIZE} {@code batchSize}). An edit is an
 * insertion, a deletion, a substitution or a swap of two adjacent characters ({@code widht} is one edit
 * from {@code width}). Ties go to the first candidate in iteration order. Names longer than 200
 * characters get no suggestion, so a hostile input costs no quadratic work.
 */
public final class Suggestions {
  /** Wanted names longer than this get no suggestion. */
  public static final int MAX_LENGTH = 200;

  private Suggestions() {}

  /** The candidate closest to {@code wanted}, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String wanted, Collection<String> candidates) {
    if (wanted == null || wanted.length() > MAX_LENGTH) {
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

  /** {@code "; did you mean 'x'?"} for the {@linkplain #closest closest} candidate, or an empty string. */
  public static String didYouMean(String wanted, Collection<String> candidates) {
    return closest(wanted, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  private static String normalise(String text) {
    return text.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  // Optimal string alignment: insertions, deletions, substitutions and adjacent swaps cost one edit.
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
