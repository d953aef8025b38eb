package io.synapse.plugins.cli;

import io.synapse.plugins.PluginCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Writes a new plugin project that builds and passes its tests as generated: a pom importing the BOM, with
 * the runtime, jakarta.validation-api (provided), the test kit, the processor on the annotation processor
 * path and the Synapse Maven plugin (Ray settings for the tests, params validation, packaging); the
 * {@code @Plugin} package-info; one action for the category with its params and result records; and JUnit 5
 * tests on the test kit, LOCAL and on a local Ray head (TASK). Categories with a kit ({@link KitTemplates})
 * get an action on the kit and a test that runs it against a local backend instead.
 */
final class ProjectScaffold {
  /** Plugin codes the processor accepts. */
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_\\-]*");
  private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");

  private ProjectScaffold() {}

  /**
   * What to generate.
   *
   * @param code the plugin code
   * @param category the plugin's category
   * @param packageName the Java package
   * @param groupId the Maven groupId
   * @param directory the project directory
   * @param kit the kit to build on ({@link KitTemplates#kits}), or null for the category's default
   */
  record Spec(String code, PluginCategory category, String packageName, String groupId, Path directory, String kit) {
    /** A project on the category's default kit (or none). */
    Spec(String code, PluginCategory category, String packageName, String groupId, Path directory) {
      this(code, category, packageName, groupId, directory, null);
    }

    Spec {
      checkCode(code);
      if (kit != null && !KitTemplates.kits(category).contains(kit)) {
        throw CliException.usage(KitTemplates.kits(category).isEmpty()
            ? "Category " + category.value() + " has no kit; --kit is for neural_net, export, upload and pre_annotation"
            : "Category " + category.value() + " has no kit '" + kit + "': use one of " + String.join(", ", KitTemplates.kits(category)));
      }
      if (!PACKAGE.matcher(packageName).matches() || !SourceVersion.isName(packageName)) {
        throw CliException.usage("Package '" + packageName + "' is not a lower-case Java package name");
      }
      if (!GROUP_ID.matcher(groupId).matches()) {
        throw CliException.usage("groupId '" + groupId + "' is not a Maven groupId: use letters, digits, '_', '-' and"
            + " dots between them (e.g. org.acme)");
      }
    }
  }

  /**
   * The Maven groupId of a project whose code lives in {@code packageName}: the package without its last
   * segment, which names the plugin ({@code org.acme.trainer} gives {@code org.acme}, the default
   * {@code com.example.imagetools} gives {@code com.example}); a package of one or two segments is the
   * groupId itself ({@code org.acme} gives {@code org.acme}).
   */
  static String defaultGroupId(String packageName) {
    int last = packageName.lastIndexOf('.');
    return packageName.indexOf('.') == last ? packageName : packageName.substring(0, last);
  }

  /**
   * Checks that {@code code} is a plugin code the processor accepts.
   *
   * @throws CliException (usage) when it is not
   */
  static void checkCode(String code) {
    if (!CODE.matcher(code).matches()) {
      throw CliException.usage("Plugin code '" + code + "' is invalid: use lower-case letters, digits, '_' and '-',"
          + " starting with a letter (e.g. image_tools)");
    }
  }

  /** The default Java package of a plugin code, e.g. {@code com.example.imagetools}. */
  static String defaultPackage(String code) {
    String simple = code.replaceAll("[^a-z0-9]", "");
    String candidate = "com.example." + simple;
    return SourceVersion.isName(candidate) ? candidate : candidate + "plugin"; // e.g. a code that is a keyword
  }

  /** The action a new plugin of {@code category} starts with. */
  static String actionName(PluginCategory category) {
    return switch (category) {
      case NEURAL_NET -> "train";
      case EXPORT -> "export";
      case UPLOAD -> "upload";
      case SMART_TOOL -> "annotate";
      case PRE_ANNOTATION -> "pre-annotate";
      case POST_ANNOTATION -> "post-annotate";
      case DATA_VALIDATION -> "check";
      default -> "process";
    };
  }

  /** Writes the project; returns the files written, relative to its directory. */
  static List<Path> write(Spec spec) throws IOException {
    Path dir = spec.directory();
    if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir))) {
      throw CliException.usage(dir + " already exists and is not empty; choose another --dir");
    }
    String action = KitTemplates.actionName(spec.kit()).orElseGet(() -> actionName(spec.category()));
    String type = typeName(action);
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("@@CODE@@", spec.code());
    tokens.put("@@GROUP@@", spec.groupId());
    tokens.put("@@ARTIFACT@@", spec.code().replace('_', '-'));
    tokens.put("@@NAME@@", title(spec.code()));
    tokens.put("@@PACKAGE@@", spec.packageName());
    tokens.put("@@CATEGORY@@", spec.category().name());
    tokens.put("@@CATEGORY_VALUE@@", spec.category().value());
    tokens.put("@@ACTION@@", action);
    tokens.put("@@ACTION_TITLE@@", title(action));
    tokens.put("@@TYPE@@", type);
    tokens.put("@@SYNAPSE_VERSION@@", CliVersion.version());
    tokens.put("@@JUNIT_VERSION@@", CliVersion.junitVersion());
    boolean kit = KitTemplates.hasKit(spec.category());
    tokens.put("@@KIT_DEPENDENCY@@", kit ? KitTemplates.DEPENDENCY : "");

    String packagePath = spec.packageName().replace('.', '/');
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pom.xml", POM);
    files.put(".gitignore", "target/\n");
    files.put("src/main/java/" + packagePath + "/package-info.java", PACKAGE_INFO);
    files.putAll(KitTemplates.sources(spec.category(), spec.kit(), packagePath, type).orElseGet(() -> {
      Map<String, String> plain = new LinkedHashMap<>();
      plain.put("src/main/java/" + packagePath + "/" + type + "Params.java", PARAMS);
      plain.put("src/main/java/" + packagePath + "/" + type + "Result.java", RESULT);
      plain.put("src/main/java/" + packagePath + "/" + type + "Action.java", ACTION);
      plain.put("src/test/java/" + packagePath + "/" + type + "ActionTest.java", TEST);
      plain.put("src/test/java/" + packagePath + "/" + type + "ActionTaskTest.java", TASK_TEST);
      return plain;
    }));

    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = PluginPackager.resolveInside(dir, file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, fill(file.getValue(), tokens), StandardCharsets.UTF_8);
      written.add(Path.of(file.getKey()));
    }
    return written;
  }

  private static String fill(String template, Map<String, String> tokens) {
    String text = template;
    for (Map.Entry<String, String> token : tokens.entrySet()) {
      text = text.replace(token.getKey(), token.getValue());
    }
    return text;
  }

  private static String typeName(String action) {
    StringBuilder name = new StringBuilder();
    for (String part : action.split("[-_]")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }

  private static String title(String code) {
    List<String> words = new ArrayList<>();
    for (String part : code.split("[-_]")) {
      if (!part.isEmpty()) {
        words.add(part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
      }
    }
    return String.join(" ", words);
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }

  private static final String POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
        <modelVersion>4.0.0</modelVersion>
        <groupId>@@GROUP@@</groupId>
        <artifactId>@@ARTIFACT@@</artifactId>
        <version>0.1.0</version>
        <name>@@NAME@@</name>

        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          <synapse.version>@@SYNAPSE_VERSION@@</synapse.version>
        </properties>

        <!-- One version for every Synapse artifact and the libraries they expose. -->
        <dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>io.synapse.plugins</groupId>
              <artifactId>synapse-plugins-bom</artifactId>
              <version>${synapse.version}</version>
              <type>pom</type>
              <scope>import</scope>
            </dependency>
          </dependencies>
        </dependencyManagement>

        <dependencies>
          <dependency>
            <groupId>io.synapse.plugins</groupId>
            <artifactId>synapse-plugins-runtime</artifactId>
          </dependency>
      @@KIT_DEPENDENCY@@    <!-- Constraint annotations are read by the processor; nothing validates at run time. -->
          <dependency>
            <groupId>jakarta.validation</groupId>
            <artifactId>jakarta.validation-api</artifactId>
            <scope>provided</scope>
          </dependency>
          <!-- The test kit: ActionTester, and @WithRayHead for the TASK tests (a local Ray head per test run). -->
          <dependency>
            <groupId>io.synapse.plugins</groupId>
            <artifactId>synapse-plugins-testing</artifactId>
            <scope>test</scope>
          </dependency>
          <dependency>
            <groupId>org.junit.jupiter</groupId>
            <artifactId>junit-jupiter</artifactId>
            <version>@@JUNIT_VERSION@@</version>
            <scope>test</scope>
          </dependency>
        </dependencies>

        <build>
          <plugins>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>3.13.0</version>
              <configuration>
                <!-- The processor generates the registry, binders, config.yaml and JSON Schemas;
                     it is never on the run-time class path. -->
                <annotationProcessorPaths>
                  <path>
                    <groupId>io.synapse.plugins</groupId>
                    <artifactId>synapse-plugins-processor</artifactId>
                    <version>${synapse.version}</version>
                  </path>
                </annotationProcessorPaths>
              </configuration>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-resources-plugin</artifactId>
              <version>3.3.1</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-surefire-plugin</artifactId>
              <version>3.5.2</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-jar-plugin</artifactId>
              <version>3.4.2</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-install-plugin</artifactId>
              <version>3.1.3</version>
            </plugin>
            <!-- prepare-tests gives the tests Ray's jar and JVM flags; validate checks the params files in
                 src/main/synapse/params; package writes target/<name>-synapse.zip, as `synapse package` does.
                 mvn synapse:run -Dsynapse.action=@@ACTION@@ -Dsynapse.params='{...}' runs an action. -->
            <plugin>
              <groupId>io.synapse.plugins</groupId>
              <artifactId>synapse-maven-plugin</artifactId>
              <version>${synapse.version}</version>
              <executions>
                <execution>
                  <goals>
                    <goal>prepare-tests</goal>
                    <goal>validate</goal>
                    <goal>package</goal>
                  </goals>
                </execution>
              </executions>
            </plugin>
            <!-- target/lib holds the run-time dependencies: `synapse run .` and `synapse package .` use them. -->
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-dependency-plugin</artifactId>
              <version>3.8.1</version>
              <executions>
                <execution>
                  <id>copy-runtime-libs</id>
                  <phase>package</phase>
                  <goals>
                    <goal>copy-dependencies</goal>
                  </goals>
                  <configuration>
                    <includeScope>runtime</includeScope>
                    <outputDirectory>${project.build.directory}/lib</outputDirectory>
                  </configuration>
                </execution>
              </executions>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  private static final String PACKAGE_INFO = """
      /** @@NAME@@: a Synapse plugin. */
      @Plugin(
          code = "@@CODE@@",
          name = "@@NAME@@",
          version = "0.1.0",
          category = PluginCategory.@@CATEGORY@@,
          description = "@@NAME@@ plugin")
      package @@PACKAGE@@;

      import io.synapse.plugins.Plugin;
      import io.synapse.plugins.PluginCategory;
      """;

  private static final String PARAMS = """
      package @@PACKAGE@@;

      import io.synapse.plugins.Default;
      import io.synapse.plugins.Params;
      import jakarta.validation.constraints.Max;
      import jakarta.validation.constraints.Min;
      import jakarta.validation.constraints.NotBlank;

      /**
       * Parameters of the @@ACTION@@ action.
       *
       * @param input what to work on
       * @param repeat how many items to process
       */
      @Params
      public record @@TYPE@@Params(
          @NotBlank String input,
          @Default("1") @Min(1) @Max(1000) int repeat) {}
      """;

  private static final String RESULT = """
      package @@PACKAGE@@;

      /**
       * Result of the @@ACTION@@ action.
       *
       * @param input what was worked on
       * @param processed how many items were processed
       */
      public record @@TYPE@@Result(String input, int processed) {}
      """;

  private static final String ACTION = """
      package @@PACKAGE@@;

      import io.synapse.plugins.PluginAction;
      import io.synapse.plugins.RunMethod;
      import io.synapse.plugins.action.BaseAction;
      import java.util.Map;

      /** The @@CATEGORY_VALUE@@ action of @@NAME@@: processes the input item by item, reporting progress. */
      @PluginAction(name = "@@ACTION@@", title = "@@ACTION_TITLE@@", method = RunMethod.TASK)
      public final class @@TYPE@@Action extends BaseAction<@@TYPE@@Params, @@TYPE@@Result> {

        @Override
        public @@TYPE@@Result execute() {
          log("@@CODE@@_start", Map.of("input", params().input()));
          for (int i = 1; i <= params().repeat(); i++) {
            setProgress(i, params().repeat());
          }
          setMetrics(Map.of("processed", params().repeat()), "@@ACTION@@");
          return new @@TYPE@@Result(params().input(), params().repeat());
        }
      }
      """;

  private static final String TEST = """
      package @@PACKAGE@@;

      import io.synapse.plugins.testing.ActionTester;
      import java.util.Map;
      import org.junit.jupiter.api.Test;

      class @@TYPE@@ActionTest {
        private static final ActionTester<@@TYPE@@Params, @@TYPE@@Result> ACTION = ActionTester.of(@@TYPE@@Action.class);

        @Test
        void runsLocallyAndReportsProgress() {
          ACTION.run(Map.of("input", "hello", "repeat", 3))
              .assertResult(new @@TYPE@@Result("hello", 3))
              .assertProgressCompleted()
              .assertMetric("@@ACTION@@", "processed", 3)
              .assertLogged("@@CODE@@_start", Map.of("input", "hello"));
        }

        @Test
        void rejectsInvalidParamsListingEveryViolation() {
          ACTION.run(Map.of("repeat", 0)).assertInvalid("input", "repeat");
        }
      }
      """;

  private static final String TASK_TEST = """
      package @@PACKAGE@@;

      import io.synapse.plugins.testing.ActionTester;
      import io.synapse.plugins.testing.ray.RayHead;
      import io.synapse.plugins.testing.ray.WithRayHead;
      import java.util.Map;
      import org.junit.jupiter.api.Test;

      /** The action on a warm pool of Ray actors, on the local head @WithRayHead starts for the test run. */
      @WithRayHead
      class @@TYPE@@ActionTaskTest {
        @Test
        void runsOnARayWorker(RayHead ray) {
          ActionTester.of(@@TYPE@@Action.class).onTask(ray).run(Map.of("input", "hello", "repeat", 3))
              .assertResult(new @@TYPE@@Result("hello", 3))
              .assertProgressCompleted()
              .assertMetric("@@ACTION@@", "processed", 3);
        }
      }
      """;
}
