package io.synapse.plugins.executors.remote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal of an outcome message: an HMAC-SHA256 over the request's id and the exact line of the outcome
 * ({@link RemoteMessage.Result} or {@link RemoteMessage.Failure}), made by the worker with the key its
 * request carries ({@link RemoteMessage.Request#resultKey()}) and checked by the driver, which derives the
 * same key from a secret only the submitting side holds. A job whose log holds an outcome without a valid
 * seal was not run from a request of that driver: its result is not believed.
 *
 * <p>On the wire the seal is one more member at the end of the outcome's object,
 * {@code ...,"mac":"<64 hex digits>"}, which readers of the protocol that do not check it ignore.
 */
public final class ResultSeal {
  private static final String ALGORITHM = "HmacSHA256";
  private static final String MEMBER = ",\"mac\":\"";
  private static final int MAC_HEX = 64;
  private static final HexFormat HEX = HexFormat.of();

  private ResultSeal() {}

  /** {@code outcomeLine} (one line of JSON, an object) with its seal for request {@code id} appended. */
  public static String seal(String outcomeLine, String id, byte[] key) {
    if (!outcomeLine.endsWith("}")) {
      throw new IllegalArgumentException("not a JSON object line");
    }
    return outcomeLine.substring(0, outcomeLine.length() - 1) + MEMBER + HEX.formatHex(mac(key, id, outcomeLine)) + "\"}";
  }

  /**
   * The outcome line without its seal, when {@code sealedLine} carries a valid seal for request {@code id}
   * under {@code key}; empty when it carries none or a wrong one.
   */
  public static Optional<String> open(String sealedLine, String id, byte[] key) {
    int at = sealedLine.length() - (MEMBER.length() + MAC_HEX + 2);
    if (at <= 0 || !sealedLine.startsWith(MEMBER, at) || !sealedLine.endsWith("\"}")) {
      return Optional.empty();
    }
    byte[] given;
    try {
      given = HEX.parseHex(sealedLine, at + MEMBER.length(), at + MEMBER.length() + MAC_HEX);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String line = sealedLine.substring(0, at) + "}";
    return MessageDigest.isEqual(given, mac(key, id, line)) ? Optional.of(line) : Optional.empty();
  }

  /** HMAC-SHA256 of {@code parts}, each preceded by its length so that no two lists of parts collide. */
  public static byte[] hmac(byte[] key, String... parts) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        mac.update(bytes);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static byte[] mac(byte[] key, String id, String line) {
    return hmac(key, "synapse-remote outcome", id, line);
  }
}
