package io.synapse.plugins.names;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one table of typos ({@code typos.tsv}) every did-you-mean is held to: this module's
 * {@code SuggestionsTest}, and the processor's tests through this module's test jar.
 */
public final class TypoTable {
  /**
   * One row.
   *
   * @param wanted the name given
   * @param candidates the names it could have meant
   * @param suggestion the one to suggest, or none
   */
  public record Typo(String wanted, List<String> candidates, Optional<String> suggestion) {}

  private TypoTable() {}

  /** Every row of the table. */
  public static List<Typo> rows() {
    try (InputStream in = TypoTable.class.getResourceAsStream("typos.tsv")) {
      if (in == null) {
        throw new IllegalStateException("typos.tsv is not on the class path beside " + TypoTable.class.getName());
      }
      List<Typo> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        List<String> candidates = cells[1].isEmpty() ? List.of() : Arrays.asList(cells[1].split(","));
        rows.add(new Typo(cells[0], candidates, cells[2].equals("-") ? Optional.empty() : Optional.of(cells[2])));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
