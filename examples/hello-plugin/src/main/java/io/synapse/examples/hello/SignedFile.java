package io.synapse.examples.hello;

/**
 * What the sign action produced.
 *
 * @param key the object key the file would be stored under
 * @param bytes the file's size
 * @param sha256 the file's SHA-256, hex
 * @param signature HMAC-SHA256 of the SHA-256 with the API token, hex
 */
public record SignedFile(String key, long bytes, String sha256, String signature) {}
