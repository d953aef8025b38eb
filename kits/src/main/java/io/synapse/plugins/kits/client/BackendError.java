package io.synapse.plugins.kits.client;

import io.synapse.plugins.errors.PluginError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failed backend call, the same type from the HTTP and the local client. {@link #kind()} says what
 * went wrong; HTTP failures carry the {@link #status()} and a short {@link #bodyExcerpt()} of the
 * response (never the request, its headers or its token). {@link #code()} is {@code backend_<kind>}.
 */
public final class BackendError extends PluginError {
  private static final long serialVersionUID = 1L;
  /** The most characters of a response body kept in an error. */
  public static final int BODY_EXCERPT_LIMIT = 300;

  /** What went wrong. */
  public enum Kind {
    /** 400 or 422: the request was refused as invalid. */
    INVALID_REQUEST,
    /** 401: no or a bad token. */
    AUTHENTICATION,
    /** 403: the token may not do this. */
    PERMISSION,
    /** 404, or no such record on the local backend. */
    NOT_FOUND,
    /** 409: the record conflicts with one that exists. */
    CONFLICT,
    /** 429: too many requests. */
    RATE_LIMITED,
    /** 5xx: the server failed. */
    SERVER,
    /** Another HTTP status. */
    HTTP,
    /** The request timed out. */
    TIMEOUT,
    /** The connection could not be made: the request was never sent. */
    CONNECTION,
    /** A non-idempotent request whose response was lost: it may or may not have been applied. */
    RESPONSE_INCOMPLETE,
    /** The response was not the JSON the call expects. */
    BAD_RESPONSE,
    /** The backend cannot do this (a provider or feature the client does not support). */
    UNSUPPORTED,
    /** The local backend's files could not be read or written. */
    STORAGE
  }

  private final Kind kind;
  private final int status;
  private final String bodyExcerpt;

  private BackendError(Kind kind, int status, String bodyExcerpt, String message, Map<String, ?> details, Throwable cause) {
    super("backend_" + kind.name().toLowerCase(java.util.Locale.ROOT), message, details, cause);
    this.kind = kind;
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }

  /** The first {@value #BODY_EXCERPT_LIMIT} characters of the response body, or empty. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * Whether sending the same request again cannot apply it twice: the connection was never made, or
   * the server answered 502, 503 or 504 (it did not process the request).
   */
  public boolean retrySafe() {
    return kind == Kind.CONNECTION || status == 502 || status == 503 || status == 504;
  }

  /** The kind of an HTTP status. */
  public static Kind kindOf(int status) {
    return switch (status) {
      case 400, 422 -> Kind.INVALID_REQUEST;
      case 401 -> Kind.AUTHENTICATION;
      case 403 -> Kind.PERMISSION;
      case 404 -> Kind.NOT_FOUND;
      case 409 -> Kind.CONFLICT;
      case 429 -> Kind.RATE_LIMITED;
      default -> status >= 500 ? Kind.SERVER : Kind.HTTP;
    };
  }

  /** An error response: the method, the path (without query or host), the status and an excerpt of the body. */
  public static BackendError http(String method, String path, int status, String body) {
    String excerpt = excerpt(body);
    Map<String, Object> details = details(method, path);
    details.put("status", status);
    details.put("body_excerpt", excerpt);
    return new BackendError(kindOf(status), status, excerpt,
        "Synapse backend " + method + " " + path + " failed with HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt),
        details, null);
  }

  /** A failure with no response. */
  public static BackendError transport(Kind kind, String method, String path, String message, Throwable cause) {
    return new BackendError(kind, 0, "", "Synapse backend " + method + " " + path + ": " + message, details(method, path), cause);
  }

  /** A response that is not what the call expects. */
  public static BackendError badResponse(String method, String path, String problem) {
    return new BackendError(Kind.BAD_RESPONSE, 0, "", "Synapse backend " + method + " " + path + " sent an unexpected"
        + " response: " + problem, details(method, path), null);
  }

  /** No such record. */
  public static BackendError notFound(String what, Object id) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("record", what);
    details.put("id", String.valueOf(id));
    return new BackendError(Kind.NOT_FOUND, 404, "", "No " + what + " " + id + " on the backend", details, null);
  }

  /** Something the backend cannot do. */
  public static BackendError unsupported(String message, Map<String, ?> details) {
    return new BackendError(Kind.UNSUPPORTED, 0, "", message, details, null);
  }

  /** A request the local backend refuses as invalid. */
  public static BackendError invalid(String message, Map<String, ?> details) {
    return new BackendError(Kind.INVALID_REQUEST, 400, "", message, details, null);
  }

  /** The local backend's files failed. */
  public static BackendError storage(String message, Throwable cause) {
    return new BackendError(Kind.STORAGE, 0, "", message, Map.of(), cause);
  }

  private static Map<String, Object> details(String method, String path) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("method", method);
    details.put("path", path);
    return details;
  }

  /** The start of {@code body} with control characters flattened to spaces, at most {@value #BODY_EXCERPT_LIMIT} characters. */
  static String excerpt(String body) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    String cut = body.length() > BODY_EXCERPT_LIMIT ? body.substring(0, BODY_EXCERPT_LIMIT) + "..." : body;
    return cut.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").strip();
  }
}
