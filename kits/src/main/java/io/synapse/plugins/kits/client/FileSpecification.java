package io.synapse.plugins.kits.client;

import java.util.List;

/**
 * One file specification of a data collection: which files make a data unit.
 *
 * @param name the specification name ({@code image_1}); also the directory uploads take its files from
 * @param required whether every unit needs one
 * @param primary whether it is the unit's primary file
 * @param fileType the file type ({@code image}, ...), or null
 * @param extensions the allowed extensions with their dot ({@code .png}); empty means any
 */
public record FileSpecification(String name, boolean required, boolean primary, String fileType, List<String> extensions) {
  /** Copies the extensions. */
  public FileSpecification {
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
  }

  /** The specification as the platform's JSON object. */
  public java.util.Map<String, Object> toJson() {
    java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("name", name);
    json.put("is_required", required);
    json.put("is_primary", primary);
    if (fileType != null) {
      json.put("file_type", fileType);
    }
    json.put("extensions", extensions);
    return json;
  }
}
