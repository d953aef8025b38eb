package io.synapse.plugins.executors.ray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.ConfigError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runtime_env as the Java backends honour it: what is accepted, and every refusal naming its key and why. */
class RuntimeEnvSpecTest {
  @TempDir
  Path dir;

  private static ConfigError refused(Map<String, ?> runtimeEnv) {
    return assertThrows(ConfigError.class, () -> RuntimeEnvSpec.parse(runtimeEnv), runtimeEnv::toString);
  }

  @Test
  void pythonKeysAreRefusedNamingTheKeyAndWhy() {
    Map<String, String> why = Map.of("pip", "Python packages", "uv", "Python packages", "conda", "conda", "py_modules", "Python modules",
        "py_executable", "Python", "excludes", "not supported", "container", "container", "image_uri", "container");
    why.forEach((key, reason) -> {
      ConfigError error = refused(Map.of(key, List.of("requests")));
      assertEquals(key, error.details().get("key"));
      assertTrue(error.getMessage().startsWith("runtime_env." + key + " is refused: ") && error.getMessage().contains(reason),
          error.getMessage());
    });
    ConfigError unknown = refused(Map.of("nsight", "default"));
    assertTrue(unknown.getMessage().contains("do not know it") && unknown.getMessage().contains("java_jars"), unknown.getMessage());
  }

  @Test
  void aRefusedKeyIsRefusedWhateverElseIsGiven() {
    ConfigError error = refused(Map.of("env_vars", Map.of("A", "1"), "pip", List.of("x"), "working_dir", dir.toString()));
    assertEquals("pip", error.details().get("key"));
  }

  @Test
  void envVarsJarsWorkingDirAndConfigAreRead() throws Exception {
    Path jar = Files.write(dir.resolve("extra.jar"), new byte[] {1});
    RuntimeEnvSpec spec = RuntimeEnvSpec.parse(Map.of("env_vars", Map.of("A", "1", "N", 2, "B", true),
        "java_jars", List.of(jar.toString(), "gcs://_ray_pkg_abc.zip"), "jars", "https://example.org/x.jar",
        "working_dir", dir.toString(), "config", Map.of("setup_timeout_seconds", 120, "eager_install", false)));
    assertEquals(Map.of("A", "1", "N", "2", "B", "true"), spec.envVars());
    assertEquals(List.of(jar), spec.jarFiles());
    assertEquals(List.of("gcs://_ray_pkg_abc.zip", "https://example.org/x.jar"), spec.jarUris());
    assertEquals(dir.toAbsolutePath().normalize(), spec.workingDir());
    assertEquals(Map.of("setup_timeout_seconds", 120, "eager_install", false), spec.config());
    assertEquals(spec, RuntimeEnvSpec.parse(Map.of("env_vars", Map.of("B", true, "N", 2, "A", "1"),
        "java_jars", List.of(jar.toString(), "gcs://_ray_pkg_abc.zip"), "jars", "https://example.org/x.jar",
        "working_dir", dir.toString(), "config", Map.of("eager_install", false, "setup_timeout_seconds", 120))),
        "equal settings are equal values (the pool cache key)");
    assertNotEquals(spec, RuntimeEnvSpec.parse(Map.of("env_vars", Map.of("A", "2"))));
  }

  @Test
  void malformedValuesAreRefusedNamingTheEntry() {
    assertEquals("env_vars.API_TOKEN", refused(Map.of("env_vars", Map.of("API_TOKEN", "x"))).details().get("key"),
        "the dashboard shows runtime_env");
    assertEquals("env_vars.A", refused(Map.of("env_vars", Map.of("A", List.of(1)))).details().get("key"));
    assertEquals("env_vars", refused(Map.of("env_vars", "A=1")).details().get("key"));
    assertEquals("env_vars", refused(Map.of("env_vars", Map.of("A=B", "1"))).details().get("key"));
    assertTrue(refused(Map.of("java_jars", List.of("http://example.org/x.jar"))).getMessage().contains("plain http"));
    assertTrue(refused(Map.of("java_jars", List.of("ftp://example.org/x.jar"))).getMessage().contains("scheme"));
    assertTrue(refused(Map.of("java_jars", List.of(dir.resolve("missing.jar").toString()))).getMessage().contains("does not exist"));
    assertEquals("java_jars", refused(Map.of("java_jars", 42)).details().get("key"));
    assertEquals("jars", refused(Map.of("jars", List.of(7))).details().get("key"));
    assertTrue(refused(Map.of("working_dir", dir.resolve("missing").toString())).getMessage().contains("is not a directory"));
    assertEquals("working_dir", refused(Map.of("working_dir", 5)).details().get("key"));
    assertEquals("config.setup_timeout_seconds", refused(Map.of("config", Map.of("setup_timeout_seconds", 0))).details().get("key"));
    assertEquals("config.setup_timeout_seconds", refused(Map.of("config", Map.of("setup_timeout_seconds", 1.5))).details().get("key"));
    assertEquals("config.eager_install", refused(Map.of("config", Map.of("eager_install", "yes"))).details().get("key"));
    assertEquals("config.other", refused(Map.of("config", Map.of("other", 1))).details().get("key"));
  }

  @Test
  void theRunsWorkingDirectoryMergesAndAConflictIsRefused() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    assertEquals(dir.toAbsolutePath().normalize(), RuntimeEnvSpec.empty().withWorkingDir(dir).workingDir());
    RuntimeEnvSpec same = RuntimeEnvSpec.parse(Map.of("working_dir", dir.toString()));
    assertEquals(same, same.withWorkingDir(dir));
    ConfigError conflict = assertThrows(ConfigError.class, () -> same.withWorkingDir(other));
    assertTrue(conflict.getMessage().contains("give one of them"), conflict.getMessage());
    assertThrows(ConfigError.class, () -> RuntimeEnvSpec.parse(Map.of("working_dir", "gcs://_ray_pkg_a.zip")).withWorkingDir(dir));
  }

  @Test
  void jobsTakeOnlyGcsJarPackages() {
    RuntimeEnvSpec.parse(Map.of("java_jars", List.of("gcs://_ray_pkg_abc.zip"))).requireJobCompatible();
    ConfigError error = assertThrows(ConfigError.class,
        () -> RuntimeEnvSpec.parse(Map.of("java_jars", List.of("https://example.org/x.jar"))).requireJobCompatible());
    assertTrue(error.getMessage().contains("JOB mode"), error.getMessage());
  }
}
