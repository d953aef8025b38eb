package io.synapse.examples.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads the inputs and writes the outputs. A {@code .csv} input is a header line and rows of
 * comma-separated cells (no quoting), every row as wide as the header; a {@code .txt} input is one
 * column, {@code line}. Blank lines are ignored.
 */
final class Converter {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Converter() {}

  /** A file's rows under its header. */
  record Table(List<String> header, List<List<String>> rows) {}

  static boolean isInput(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".txt");
  }

  /** The output's name: the input's, with the format's extension instead of its own. */
  static String outputName(Path input, ExportFormat format) {
    String name = input.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.')) + "." + format.extension();
  }

  /**
   * Reads {@code input}.
   *
   * @throws IllegalArgumentException naming the file and line when a row is not as wide as the header
   */
  static Table read(Path input) throws IOException {
    List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    String name = input.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
      return new Table(List.of("line"), lines.stream().map(List::of).toList());
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(name + " has no header line");
    }
    List<String> header = cells(lines.get(0));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> row = cells(lines.get(i));
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(name + " row " + i + " has " + row.size() + " cells; the header has " + header.size());
      }
      rows.add(row);
    }
    return new Table(header, List.copyOf(rows));
  }

  static byte[] write(Table table, ExportFormat format) throws JsonProcessingException {
    StringBuilder out = new StringBuilder();
    switch (format) {
      case JSONL -> {
        for (List<String> row : table.rows()) {
          ObjectNode object = MAPPER.createObjectNode();
          for (int i = 0; i < row.size(); i++) {
            object.put(table.header().get(i), row.get(i));
          }
          out.append(MAPPER.writeValueAsString(object)).append('\n');
        }
      }
      case CSV -> {
        out.append(csvLine(table.header())).append('\n');
        for (List<String> row : table.rows()) {
          out.append(csvLine(row)).append('\n');
        }
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform has SHA-256.
      throw new IllegalStateException(e);
    }
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split(",", -1)).map(String::trim).toList();
  }

  private static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>(cells.size());
    for (String cell : cells) {
      boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
      quoted.add(needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return String.join(",", quoted);
  }
}
