package io.synapse.plugins.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.environment.PluginEnvironment;
import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.ConfigError;
import io.synapse.plugins.errors.PluginError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one secret rule: names, the mask, credentials in text, and that every user of it agrees. */
class SecretRuleTest {

  @Test
  void namesLookSecretByTheSharedWordsAnywhereIgnoringCase() {
    for (String name : List.of("API_KEY", "apiKey", "client_secret", "GITHUB_TOKEN", "DB_PASSWORD", "MYSQL_PASSWD",
        "gpg_passphrase", "AWS_CREDENTIALS", "x-api-key", "privateKey", "keypoints")) {
      assertTrue(SecretRule.looksSecret(name), name);
      assertTrue(PluginEnvironment.isSecretName(name), "PluginEnvironment uses the same rule: " + name);
      assertTrue(Redactor.none().isSecretName(name), "Redactor uses the same rule: " + name);
    }
    for (String name : List.of("REGION", "PATH", "PWD", "author", "batch_size", "")) {
      assertFalse(SecretRule.looksSecret(name), name);
      assertFalse(PluginEnvironment.isSecretName(name), name);
      assertFalse(Redactor.none().isSecretName(name), name);
    }
    assertFalse(SecretRule.looksSecret(null));
  }

  @Test
  void thereIsOneMaskAndOneWordList() {
    assertEquals("***", SecretRule.MASK);
    assertSame(SecretRule.MASK, Redactor.MASK);
    assertSame(SecretRule.NAME_WORDS, Redactor.DEFAULT_SECRET_NAME_WORDS);
    assertEquals(SecretRule.MIN_SEARCHED_LENGTH, Redactor.MIN_SECRET_LENGTH);
    assertEquals("PluginEnvironment{API_KEY=" + SecretRule.MASK + ", REGION=eu}",
        PluginEnvironment.of(Map.of("API_KEY", "sk-1", "REGION", "eu")).toString());
  }

  @Test
  void urlUserInformationIsMasked() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("http://user:pass@host:8265/", "http://***@host:8265/"),
        Map.entry("dashboard https://admin:s3cr3t@ray.example.com/api/jobs failed", "dashboard https://***@ray.example.com/api/jobs failed"),
        Map.entry("postgres://app:p@ss@db:5432/x", "postgres://***@db:5432/x"),
        Map.entry("redis://:onlypassword@cache", "redis://***@cache"),
        Map.entry("https://ghp_tokenAsUser@github.com/org/repo.git", "https://***@github.com/org/repo.git"),
        Map.entry("{\"url\":\"http://u:p4ss@h\",\"other\":\"a@b\"}", "{\"url\":\"http://***@h\",\"other\":\"a@b\"}"),
        Map.entry("'http://u:pw@h' and http://u2:pw2@h2?x=1", "'http://***@h' and http://***@h2?x=1"),
        Map.entry("HTTP://U:P@H", "HTTP://***@H"));
    cases.forEach((text, expected) -> assertEquals(expected, SecretRule.maskCredentials(text), text));
  }

  @Test
  void secretNamedQueryParametersAreMasked() {
    assertEquals("https://h/x?token=***&page=2", SecretRule.maskCredentials("https://h/x?token=abc123&page=2"));
    assertEquals("https://h/x?page=2&api_key=***", SecretRule.maskCredentials("https://h/x?page=2&api_key=k-9"));
    assertEquals("s3://b/o?X-Amz-Credential=***&X-Amz-Security-Token=***&y=1",
        SecretRule.maskCredentials("s3://b/o?X-Amz-Credential=AKIA%2F1&X-Amz-Security-Token=FQo&y=1"));
    assertEquals("https://h/cb#access_token=***", SecretRule.maskCredentials("https://h/cb#access_token=eyJabc"));
    String plain = "https://h/x?page=2&sort=asc";
    assertSame(plain, SecretRule.maskCredentials(plain));
  }

  @Test
  void authorizationHeadersAndBearerTokensAreMasked() {
    assertEquals("Authorization: Bearer ***", SecretRule.maskCredentials("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x.y"));
    assertEquals("authorization=Basic ***;", SecretRule.maskCredentials("authorization=Basic dXNlcjpwYXNz;"));
    assertEquals("{\"Authorization\": \"***\"}", SecretRule.maskCredentials("{\"Authorization\": \"tok-123456\"}"));
    assertEquals("sent bearer *** to the proxy", SecretRule.maskCredentials("sent bearer abcdefgh12345678 to the proxy"));
    assertEquals("the bearer of this message", SecretRule.maskCredentials("the bearer of this message"));
  }

  @Test
  void textWithoutCredentialsIsReturnedAsItIsAndMaskingIsIdempotent() {
    for (String text : List.of("", "short", "a plain message about keys: none here", "ftp site is down", "x@y.z mail")) {
      assertSame(text, SecretRule.maskCredentials(text), text);
    }
    assertNull(SecretRule.maskCredentials(null));
    String once = SecretRule.maskCredentials("http://u:p@h/?token=t Authorization: Bearer abcdefghij");
    assertEquals(once, SecretRule.maskCredentials(once));
  }

  @Test
  void shortSecretsAreMaskedAsWholeTokensOnly() {
    Redactor redactor = Redactor.builder().secretValues(List.of("x", "42", "pin")).build();
    assertEquals("*** marks the spot; xylophone, max and 1x stay", redactor.redact("x marks the spot; xylophone, max and 1x stay"));
    assertEquals("code=*** (not 420, 142 or 4242); *** ***, pins.", redactor.redact("code=42 (not 420, 142 or 4242); pin pin, pins."));
    assertEquals("[***]", redactor.redact("[42]"));
    assertEquals("***", redactor.redact("x"));
  }

  @Test
  void aSecretIsMaskedInEveryFormItIsRenderedIn() {
    assertEquals(List.of("it's \"so\"\nnew", "it's \\\"so\\\"\\nnew", "it''s \"so\"\nnew", "it's \"so\"", "new"),
        List.copyOf(SecretRule.renderedForms("it's \"so\"\nnew")));
    assertEquals(List.of("plain"), List.copyOf(SecretRule.renderedForms("plain")), "a plain secret has one form");
    assertTrue(SecretRule.renderedForms("  ").isEmpty());
    assertEquals("\\u0001", SecretRule.renderedForms("\u0001x").stream().skip(1).findFirst().orElseThrow().substring(0, 6));
  }

  @Test
  void blankValuesAreNoSecret() {
    Redactor redactor = Redactor.builder().secretValues(List.of(" ", "\t", "")).build();
    assertFalse(redactor.hasSecrets());
    assertEquals("a b\tc", redactor.redact("a b\tc"));
  }

  @Test
  void errorsMaskCredentialsInTheirMessageAndDetails() {
    PluginError error = new PluginError("ray_dashboard_unreachable", "The Ray dashboard at http://u:hunter2@h:8265 is unreachable",
        Map.of("url", "http://u:hunter2@h:8265", "tried", List.of("http://u:hunter2@h:8265/api"), "nested", Map.of("u", "http://u:hunter2@h")));
    assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
    assertFalse(error.details().toString().contains("hunter2"), error.details().toString());
    assertEquals("http://***@h:8265", error.details().get("url"));
    List<String> kept = List.of("a", "b");
    ConfigError plain = new ConfigError("nothing to hide", Map.of("available", kept, "line", 3));
    assertSame(kept, plain.details().get("available"), "details with nothing to mask are kept as they are");
    assertEquals(3, plain.details().get("line"));
  }
}
