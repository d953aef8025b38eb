package io.synapse.plugins.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> FIELDS = List.of("width", "height", "inputPath", "batchSize");

  @Test
  void suggestsTyposSwapsAndSnakeCase() {
    assertEquals(Optional.of("width"), Suggestions.closest("widht", FIELDS));
    assertEquals(Optional.of("height"), Suggestions.closest("heigth", FIELDS));
    assertEquals(Optional.of("inputPath"), Suggestions.closest("input_path", FIELDS));
    assertEquals(Optional.of("batchSize"), Suggestions.closest("BATCH-SIZE", FIELDS));
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertEquals(Optional.empty(), Suggestions.closest("colour", FIELDS));
    assertEquals(Optional.empty(), Suggestions.closest("x".repeat(300), FIELDS));
  }
}
