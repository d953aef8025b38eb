package io.synapse.plugins.kits.client;

import java.util.Map;
import java.util.Objects;

/**
 * One file of a data unit, ground-truth event or task, as the platform describes it.
 *
 * @param url where the file's bytes are: an http(s) URL (often presigned) or, on the local backend, a
 *     {@code file:} URI
 * @param name the original file name ({@code file_name_original}), or null when the platform gives none
 * @param fileType the platform's file type ({@code image}, {@code data}, ...), or null
 * @param primary whether it is the unit's primary file
 * @param checksum the platform's checksum of the bytes, or null
 * @param size the size in bytes, or null
 */
public record FileRef(String url, String name, String fileType, boolean primary, String checksum, Long size) {

  /** Checks the URL is present. */
  public FileRef {
    Objects.requireNonNull(url, "url");
  }

  /** The file as the platform's JSON object ({@code url}, {@code file_name_original}, ...). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("url", url);
    if (name != null) {
      json.put("file_name_original", name);
    }
    if (fileType != null) {
      json.put("file_type", fileType);
    }
    json.put("is_primary", primary);
    if (checksum != null) {
      json.put("checksum", checksum);
    }
    if (size != null) {
      json.put("size", size);
    }
    return json;
  }

  /** Reads the platform's JSON object of a file; null when it has no URL. */
  static FileRef fromJson(Object value) {
    if (!(value instanceof Map<?, ?> raw)) {
      return null;
    }
    Map<String, Object> map = io.synapse.plugins.kits.internal.KitJson.asMap(raw);
    String url = io.synapse.plugins.kits.internal.KitJson.str(map, "url");
    if (url == null || url.isBlank()) {
      return null;
    }
    String name = io.synapse.plugins.kits.internal.KitJson.str(map, "file_name_original");
    if (name == null) {
      name = io.synapse.plugins.kits.internal.KitJson.str(map, "filename");
    }
    return new FileRef(url, name, io.synapse.plugins.kits.internal.KitJson.str(map, "file_type"),
        io.synapse.plugins.kits.internal.KitJson.bool(map, "is_primary", false),
        io.synapse.plugins.kits.internal.KitJson.str(map, "checksum"),
        io.synapse.plugins.kits.internal.KitJson.longOrNull(map, "size"));
  }

  /** Reads a {@code files} object (name to file) or list; entries without a URL are left out. */
  static Map<String, FileRef> filesFromJson(Object value) {
    Map<String, FileRef> files = new java.util.LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> {
        FileRef file = fromJson(item);
        if (file != null) {
          files.put(String.valueOf(key), file);
        }
      });
    } else if (value instanceof java.util.List<?> list) {
      int index = 0;
      for (Object item : list) {
        FileRef file = fromJson(item);
        if (file != null) {
          String key = item instanceof Map<?, ?> m && m.get("specification") != null
              ? String.valueOf(m.get("specification")) : "file_" + (++index);
          files.put(key, file);
        }
      }
    }
    return files;
  }
}
