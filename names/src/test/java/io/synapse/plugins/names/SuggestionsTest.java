package io.synapse.plugins.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The did-you-mean rule on the table of typos ({@code typos.tsv}) that the processor's and the runtime's
 * suggestions are held to as well.
 */
class SuggestionsTest {
  @Test
  void everyTypoOfTheTableGetsItsSuggestion() {
    List<TypoTable.Typo> table = TypoTable.rows();
    assertTrue(table.size() >= 35, "rows: " + table.size());
    for (TypoTable.Typo typo : table) {
      assertEquals(typo.suggestion(), Suggestions.closest(typo.wanted(), typo.candidates()), typo.toString());
      assertEquals(typo.suggestion().map(s -> "; did you mean '" + s + "'?").orElse(""),
          Suggestions.didYouMean(typo.wanted(), typo.candidates()), typo.toString());
    }
  }

  @Test
  void nullAndOverlongNamesGetNone() {
    assertEquals(Optional.empty(), Suggestions.closest(null, List.of("a")));
    assertEquals(Optional.empty(), Suggestions.closest("w".repeat(Suggestions.MAX_LENGTH + 1), List.of("w".repeat(Suggestions.MAX_LENGTH + 1))));
    assertEquals(Optional.of("w".repeat(Suggestions.MAX_LENGTH)),
        Suggestions.closest("w".repeat(Suggestions.MAX_LENGTH), List.of("w".repeat(Suggestions.MAX_LENGTH))));
  }
}
