package io.synapse.examples.hello;

import io.synapse.plugins.PluginAction;
import io.synapse.plugins.PluginCategory;
import io.synapse.plugins.RunMethod;
import io.synapse.plugins.action.BaseAction;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs a real file for upload: its SHA-256, and an HMAC of it made with the (secret) API token. */
@PluginAction(name = "sign", title = "Sign File", description = "Computes a file's SHA-256 and signs it with the API token",
    method = RunMethod.JOB, category = PluginCategory.UPLOAD)
public final class SignAction extends BaseAction<SignParams, SignedFile> {

  @Override
  public SignedFile execute() throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    long bytes = 0;
    try (InputStream in = Files.newInputStream(params().file())) {
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
        bytes += read;
      }
    }
    String sha256 = HexFormat.of().formatHex(digest.digest());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(params().apiToken().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal(sha256.getBytes(StandardCharsets.US_ASCII)));
    String key = params().destination().prefix() + params().file().getFileName();
    log("signed", Map.of("bucket", params().destination().bucket(), "key", key, "bytes", bytes));
    return new SignedFile(key, bytes, sha256, signature);
  }
}
