package io.synapse.plugins.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime's layers, read from the table in {@code docs/architecture.md} between
 * {@value #BEGIN} and {@value #END}, so that the page and the rules cannot disagree: the rules are made
 * from the page. Each row is {@code | <layer number> | <names> | <what for> |}; a name is a package
 * relative to {@code io.synapse.plugins} in backticks ({@code `events`}, {@code `executors.remote`}),
 * {@code `io.synapse.plugins`} for the root package itself, or a class of the root package
 * ({@code `PluginRunner`}), which then forms its own layer apart from its package.
 *
 * <p>A layer's packages may depend on their own classes and on the layers with lower numbers only; two
 * packages in one layer do not depend on each other. Classes the processor generated (marked
 * {@code @SynapseGenerated}; in the runtime, the hand-written {@code NoParams_Binder}) are user-level code
 * and in no layer.
 */
public final class RuntimeLayers {
  /** The line before the table. */
  public static final String BEGIN = "<!-- runtime-layers:begin -->";
  /** The line after the table. */
  public static final String END = "<!-- runtime-layers:end -->";
  private static final String ROOT = "io.synapse.plugins";
  private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9_.]+)`");

  /** One name of the table, in its layer. */
  record Entry(int layer, String name) {
    boolean isClass() {
      String last = name.substring(name.lastIndexOf('.') + 1);
      return Character.isUpperCase(last.charAt(0));
    }

    String qualified() {
      return name.equals(ROOT) ? ROOT : ROOT + "." + name;
    }
  }

  private final List<Entry> entries;

  private RuntimeLayers(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads the table of {@code page}.
   *
   * @throws IllegalStateException when the page has no table, or a row is malformed
   */
  public static RuntimeLayers fromPage(Path page) {
    List<String> lines;
    try {
      lines = Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the architecture page " + page.toAbsolutePath(), e);
    }
    int begin = lines.indexOf(BEGIN);
    int end = lines.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException(page + " has no layer table between " + BEGIN + " and " + END);
    }
    List<Entry> entries = new ArrayList<>();
    for (String line : lines.subList(begin + 1, end)) {
      String[] cells = line.split("\\|");
      if (cells.length < 3 || !cells[1].trim().matches("[0-9]+")) {
        continue; // the header and the separator row
      }
      int layer = Integer.parseInt(cells[1].trim());
      Matcher names = NAME.matcher(cells[2]);
      int before = entries.size();
      while (names.find()) {
        entries.add(new Entry(layer, names.group(1)));
      }
      if (entries.size() == before) {
        throw new IllegalStateException("layer " + layer + " of " + page + " names no package: " + line);
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalStateException("the layer table of " + page + " is empty");
    }
    return new RuntimeLayers(entries);
  }

  /** The packages the table names, qualified. */
  public Set<String> packages() {
    Set<String> packages = new TreeSet<>();
    for (Entry entry : entries) {
      if (!entry.isClass()) {
        packages.add(entry.qualified());
      }
    }
    return packages;
  }

  /** The packages of {@code classes} (the runtime's, generated code aside) that the table does not name. */
  public Set<String> unlistedPackages(JavaClasses classes) {
    Set<String> unlisted = new TreeSet<>();
    for (JavaClass type : classes) {
      if (!Boundaries.GENERATED.test(type) && !packages().contains(type.getPackageName())) {
        unlisted.add(type.getPackageName());
      }
    }
    return unlisted;
  }

  /** The names of the table that no class of {@code classes} belongs to (packages of other artifacts, or typos). */
  public Set<String> unpopulated(JavaClasses classes) {
    Set<String> empty = new TreeSet<>();
    for (Entry entry : entries) {
      DescribedPredicate<JavaClass> members = members(entry);
      if (classes.stream().noneMatch(members)) {
        empty.add(entry.name());
      }
    }
    return empty;
  }

  /** Every name depends only on its own package and on names of lower layers. */
  public ArchRule layering() {
    // Optional: a package of another artifact (names) has no classes here; unpopulated() lists those.
    LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
    for (Entry entry : entries) {
      architecture = architecture.layer(entry.name()).definedBy(members(entry));
    }
    for (Entry entry : entries) {
      String[] below = entries.stream().filter(other -> other.layer() < entry.layer()).map(Entry::name).toArray(String[]::new);
      architecture = below.length == 0
          ? architecture.whereLayer(entry.name()).mayNotAccessAnyLayer()
          : architecture.whereLayer(entry.name()).mayOnlyAccessLayers(below);
    }
    return architecture.because("docs/architecture.md draws the runtime's layers; a dependency upwards or sideways"
        + " crosses one");
  }

  /** The names of the table (the root package split from its classes named apart) have no cycles. */
  public ArchRule noCycles() {
    Map<String, Entry> byClass = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (entry.isClass()) {
        byClass.put(entry.qualified(), entry);
      }
    }
    SliceAssignment assignment = new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass type) {
        if (Boundaries.GENERATED.test(type)) {
          return SliceIdentifier.of("generated code");
        }
        Entry owner = byClass.get(topLevelName(type));
        return SliceIdentifier.of(owner != null ? owner.name() : type.getPackageName());
      }

      @Override
      public String getDescription() {
        return "runtime packages (generated code apart, the root's named classes apart)";
      }
    };
    return SlicesRuleDefinition.slices().assignedFrom(assignment).should().beFreeOfCycles();
  }

  private DescribedPredicate<JavaClass> members(Entry entry) {
    Set<String> namedClasses = new LinkedHashSet<>();
    for (Entry other : entries) {
      if (other.isClass()) {
        namedClasses.add(other.qualified());
      }
    }
    if (entry.isClass()) {
      String name = entry.qualified();
      return describe("the class " + name, type -> !Boundaries.GENERATED.test(type) && topLevelName(type).equals(name));
    }
    String pkg = entry.qualified();
    return describe("the package " + pkg, type -> !Boundaries.GENERATED.test(type) && type.getPackageName().equals(pkg)
        && !namedClasses.contains(topLevelName(type)));
  }

  private static String topLevelName(JavaClass type) {
    // An array of a named class (an enum's values()) belongs where its element class does.
    String name = type.isArray() ? type.getBaseComponentType().getName() : type.getName();
    int dollar = name.indexOf('$');
    return dollar < 0 ? name : name.substring(0, dollar);
  }
}
