package io.synapse.plugins.kits.upload;

import io.synapse.plugins.kits.internal.KitJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an upload's metadata file into {@code file name -> {column: value}}: JSON objects, or a table (CSV, Excel
 * {@code .xlsx} streamed row by row through POI's SAX reader, legacy {@code .xls}) whose header row names the
 * columns and whose {@code filename} column (else the first) names the file. Cell values are the text the sheet
 * shows. Every limit of {@link MetadataLimits} is checked as the file is read; a file past one, or one that is not
 * what its extension says, raises a {@link MetadataError} and nothing of it is used.
 */
final class MetadataFiles {
  /** The file names looked for in the working directory when no metadata file is given, in order. */
  static final List<String> DEFAULT_NAMES = List.of("meta.xlsx", "meta.xls", "meta.csv");
  private static final String FILENAME_COLUMN = "filename";

  private MetadataFiles() {}

  static Map<String, Map<String, Object>> read(Path file, MetadataLimits limits) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new MetadataError(name, "read", "metadata file " + name + " cannot be read: " + e.getMessage(), null, null, e);
    }
    if (size > limits.maxFileBytes()) {
      throw new MetadataError(name, "size", "metadata file " + name + " is " + size + " bytes, more than the "
          + limits.maxFileBytes() + " read", limits.maxFileBytes(), size, null);
    }
    try {
      if (lower.endsWith(".json")) {
        Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
        KitJson.readMap(file).forEach((key, value) -> metadata.put(key, KitJson.asMap(value)));
        return metadata;
      }
      Table table = new Table(name, limits);
      if (lower.endsWith(".csv")) {
        readCsv(file, table);
      } else if (lower.endsWith(".xlsx")) {
        readXlsx(file, table, limits);
      } else if (lower.endsWith(".xls")) {
        readXls(file, table);
      } else {
        throw new MetadataError(name, "format", "metadata file " + name + " must be .json, .csv, .xlsx or .xls", null, null, null);
      }
      return table.finish();
    } catch (MetadataError e) {
      throw e;
    } catch (Table.Stop stop) {
      throw stop.error;
    } catch (IOException | RuntimeException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
      // POI reports a damaged or mislabelled workbook with many exception types; each is the same fault here.
      throw new MetadataError(name, "format", "metadata file " + name + " is not a readable " + extension(lower) + " file ("
          + e.getClass().getSimpleName() + ")", null, null, e);
    }
  }

  private static void readCsv(Path file, Table table) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
          cells.add(cell.strip());
        }
        table.row(cells);
      }
    }
  }

  private static void readXlsx(Path file, Table table, MetadataLimits limits) throws IOException, OpenXML4JException, SAXException, javax.xml.parsers.ParserConfigurationException {
    // POI's package guards are process-wide; they are only ever tightened here, never loosened.
    if (ZipSecureFile.getMaxEntrySize() > limits.maxUnpackedBytes()) {
      ZipSecureFile.setMaxEntrySize(limits.maxUnpackedBytes());
    }
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        return;
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new SheetRows(table), new DataFormatter(Locale.ROOT), false));
        parser.parse(new InputSource(sheet));
      }
    }
  }

  private static void readXls(Path file, Table table) throws IOException {
    try (InputStream in = Files.newInputStream(file); HSSFWorkbook workbook = new HSSFWorkbook(in)) {
      if (workbook.getNumberOfSheets() == 0) {
        return;
      }
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      table.expectRows(sheet.getLastRowNum());
      int next = 0;
      for (Row row : sheet) {
        for (; next < row.getRowNum(); next++) {
          table.row(List.of());
        }
        List<String> cells = new ArrayList<>();
        for (Cell cell : row) {
          while (cells.size() < cell.getColumnIndex()) {
            cells.add("");
          }
          cells.add(formatter.formatCellValue(cell).strip());
        }
        table.row(cells);
        next = row.getRowNum() + 1;
      }
    }
  }

  private static String extension(String lower) {
    int dot = lower.lastIndexOf('.');
    return dot < 0 ? "metadata" : lower.substring(dot + 1);
  }

  /** The SAX sheet's rows as lists of cell texts, missing cells and rows as empty. */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final Table table;
    private List<String> cells;
    private int next;

    SheetRows(Table table) {
      this.table = table;
    }

    @Override
    public void startRow(int rowNum) {
      for (; next < rowNum; next++) {
        table.row(List.of());
      }
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      table.row(cells);
      next = rowNum + 1;
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (column > table.limits.maxColumns() * 4L) {
        return; // far right of every named column: never read
      }
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(formattedValue == null ? "" : formattedValue.strip());
    }
  }

  /** Rows in, metadata out, every limit checked on the way. */
  private static final class Table {
    private final String file;
    private final MetadataLimits limits;
    private final Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
    private List<String> header;
    private int keyColumn;
    private int rows;

    Table(String file, MetadataLimits limits) {
      this.file = file;
      this.limits = limits;
    }

    void expectRows(int lastRow) {
      if (lastRow > limits.maxRows()) {
        throw stop("rows", "metadata file " + file + " has " + lastRow + " data rows, more than the " + limits.maxRows() + " read",
            limits.maxRows(), lastRow);
      }
    }

    void row(List<String> cells) {
      if (header == null) {
        if (cells.stream().allMatch(String::isEmpty)) {
          return; // leading empty rows
        }
        startHeader(cells);
        return;
      }
      rows++;
      if (rows > limits.maxRows()) {
        throw stop("rows", "metadata file " + file + " has more than the " + limits.maxRows() + " data rows read", limits.maxRows(), rows);
      }
      String key = keyColumn < cells.size() ? cells.get(keyColumn) : "";
      if (key.isEmpty() || key.length() > limits.maxFilenameLength()) {
        return;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < cells.size(); i++) {
        String column = header.get(i);
        String value = cells.get(i);
        if (i != keyColumn && column != null && !value.isEmpty() && value.length() <= limits.maxValueLength()) {
          values.put(column, value);
        }
      }
      metadata.put(key, values);
    }

    private void startHeader(List<String> cells) {
      List<String> names = new ArrayList<>();
      int named = 0;
      for (String cell : cells) {
        boolean keep = !cell.isEmpty() && cell.length() <= limits.maxColumnNameLength();
        names.add(keep ? cell : null);
        named += keep ? 1 : 0;
      }
      if (named > limits.maxColumns()) {
        throw stop("columns", "metadata file " + file + " has " + named + " columns, more than the " + limits.maxColumns() + " read",
            limits.maxColumns(), named);
      }
      int filename = names.indexOf(FILENAME_COLUMN);
      keyColumn = filename >= 0 ? filename : 0;
      if (names.isEmpty() || names.get(keyColumn) == null) {
        throw stop("header", "metadata file " + file + " has no usable header row (its first column names the files)", null, null);
      }
      header = names;
    }

    Map<String, Map<String, Object>> finish() {
      if (header == null) {
        throw new MetadataError(file, "header", "metadata file " + file + " is empty: it has no header row", null, null, null);
      }
      return metadata;
    }

    private Stop stop(String violation, String message, Integer limit, Integer actual) {
      return new Stop(new MetadataError(file, violation, message, limit == null ? null : (long) limit, actual == null ? null : (long) actual, null));
    }

    /** Carries a limit's error out of POI's SAX callbacks, which wrap checked exceptions. */
    static final class Stop extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient MetadataError error;

      Stop(MetadataError error) {
        super(error.getMessage(), null, false, false);
        this.error = error;
      }
    }
  }
}
