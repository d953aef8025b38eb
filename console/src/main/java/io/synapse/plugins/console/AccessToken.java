package io.synapse.plugins.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The token a console listening beyond loopback asks of every request: 32 random bytes, URL-safe
 * Base64. Compared in constant time; {@link #toString()} never shows it.
 */
final class AccessToken {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;
  private final byte[] bytes;

  private AccessToken(String value) {
    this.value = Objects.requireNonNull(value, "value");
    this.bytes = value.getBytes(StandardCharsets.UTF_8);
  }

  /** A fresh random token. */
  static AccessToken generate() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  /** The token's text, to print once at start. */
  String value() {
    return value;
  }

  /** Whether {@code candidate} is this token, in time that does not depend on where they differ. */
  boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(bytes, candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AccessToken[***]";
  }
}
