package io.synapse.plugins.kits.client;

import io.synapse.plugins.kits.internal.KitJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of the platform's batched, presigned file upload: a batch of {@link FileInfo} is sent to
 * {@code data_files/presigned_upload/upload/}, which answers one {@link Target} per file (a single
 * presigned URL, or the parts of a multipart upload, as the server decides); the bytes go straight to
 * storage, and the {@link Uploaded} files are confirmed in one request to
 * {@code data_files/presigned_upload/confirm_upload/}, which answers one {@link Confirmed} per file.
 */
public final class PresignedUpload {
  private PresignedUpload() {}

  /**
   * A file to ask a URL for.
   *
   * @param filename the file's name (no directory)
   * @param size its size in bytes
   * @param contentType its MIME type, or null when unknown
   */
  public record FileInfo(String filename, long size, String contentType) {
    /** The request item. */
    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("filename", filename);
      json.put("size", size);
      json.put("content_type", contentType);
      return json;
    }
  }

  /**
   * Where one file's bytes go: exactly one of {@code presignedUrl} and {@code multipart} is set.
   *
   * @param filename the name the request gave
   * @param fileKey the storage key the confirmation names
   * @param presignedUrl the URL of a single PUT, or null
   * @param multipart the parts of a multipart upload, or null
   */
  public record Target(String filename, String fileKey, String presignedUrl, Multipart multipart) {
    /** Checks that exactly one way to upload is given. */
    public Target {
      if (fileKey == null || fileKey.isBlank() || (presignedUrl == null) == (multipart == null)) {
        throw new IllegalArgumentException("a presigned target needs a file_key and exactly one of presigned_url and multipart");
      }
    }

    static Target fromJson(Map<String, Object> json) {
      Map<String, Object> parts = json.get("multipart") == null ? null : KitJson.asMap(json.get("multipart"));
      return new Target(KitJson.str(json, "filename"), KitJson.str(json, "file_key"), KitJson.str(json, "presigned_url"),
          parts == null ? null : Multipart.fromJson(parts));
    }

    /** Shows the key, never a URL (a presigned URL is a credential). */
    @Override
    public String toString() {
      return "Target[filename=" + filename + ", fileKey=" + fileKey + ", " + (multipart == null ? "single PUT" : multipart.parts().size() + " parts") + "]";
    }
  }

  /**
   * A multipart upload: part {@code n} holds bytes {@code (n-1)*partSize} up to {@code n*partSize}.
   *
   * @param uploadId the upload's id
   * @param partSize the size of every part but the last
   * @param parts the parts in order
   */
  public record Multipart(String uploadId, long partSize, List<Part> parts) {
    /** Checks the sizes and copies the parts. */
    public Multipart {
      if (partSize <= 0 || parts == null || parts.isEmpty()) {
        throw new IllegalArgumentException("a multipart upload needs a positive part_size and at least one part");
      }
      parts = List.copyOf(parts);
    }

    static Multipart fromJson(Map<String, Object> json) {
      List<Part> parts = new ArrayList<>();
      for (Object part : KitJson.asList(json.get("parts"))) {
        Map<String, Object> map = KitJson.asMap(part);
        parts.add(new Part((int) KitJson.requireLong(map, "part_number"), KitJson.str(map, "presigned_url")));
      }
      return new Multipart(KitJson.str(json, "upload_id"), KitJson.requireLong(json, "part_size"), parts);
    }
  }

  /**
   * One part of a multipart upload.
   *
   * @param partNumber its number, from 1
   * @param presignedUrl where its bytes go
   */
  public record Part(int partNumber, String presignedUrl) {
    /** Shows the number only. */
    @Override
    public String toString() {
      return "Part[" + partNumber + "]";
    }
  }

  /**
   * A file whose bytes are in storage, to confirm.
   *
   * @param fileKey the key its target gave
   * @param checksum the SHA-1 of its bytes, in hex
   * @param size its size in bytes
   * @param uploadId the multipart upload's id, or null for a single PUT
   * @param etags each part's ETag in part order (empty for a single PUT)
   */
  public record Uploaded(String fileKey, String checksum, long size, String uploadId, List<String> etags) {
    /** Copies the ETags. */
    public Uploaded {
      etags = etags == null ? List.of() : List.copyOf(etags);
    }

    /** The confirmation item. */
    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("file_key", fileKey);
      json.put("checksum", checksum);
      json.put("size", size);
      if (uploadId != null) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
          parts.add(Map.of("part_number", i + 1, "etag", etags.get(i)));
        }
        json.put("multipart", Map.of("upload_id", uploadId, "parts", parts));
      }
      return json;
    }
  }

  /**
   * What the platform made of one confirmed file.
   *
   * @param fileKey the key confirmed
   * @param checksum the checksum it recorded
   * @param dataFileId the data file created, or null when it failed
   * @param success whether a data file was created
   * @param error why not, or null
   */
  public record Confirmed(String fileKey, String checksum, Long dataFileId, boolean success, String error) {
    static Confirmed fromJson(Map<String, Object> json) {
      return new Confirmed(KitJson.str(json, "file_key"), KitJson.str(json, "checksum"), KitJson.longOrNull(json, "data_file_id"),
          Boolean.TRUE.equals(json.get("success")), KitJson.str(json, "error"));
    }
  }
}
