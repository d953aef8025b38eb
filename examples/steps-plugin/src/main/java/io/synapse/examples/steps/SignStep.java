package io.synapse.examples.steps;

import io.synapse.plugins.steps.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Writes the manifest's HMAC-SHA256, made with the API token, as hex into {@code manifest.json.sig}. */
final class SignStep extends FileStep {

  @Override
  public String name() {
    return ExportAction.SIGN;
  }

  @Override
  public StepResult execute(ExportContext context) throws IOException, GeneralSecurityException {
    String signature = hmacSha256(context.params().apiToken(), context.manifestBytes());
    Path file = context.manifest().resolveSibling(context.manifest().getFileName() + ".sig");
    context.createFile(name(), file, (signature + "\n").getBytes(StandardCharsets.US_ASCII));
    context.signature(file);
    return StepResult.ok(Map.of("signature_file", file.toString()));
  }

  /** HMAC-SHA256 of {@code data} keyed by {@code key} (UTF-8), hex. */
  static String hmacSha256(String key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data));
  }
}
