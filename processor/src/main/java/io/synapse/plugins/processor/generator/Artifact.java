package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.JavaFile;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;

/** One generated file: a Java source or a resource, with the elements it was generated from. */
public sealed interface Artifact {

  /** The source's qualified class name, or the resource's path: how messages name it. */
  String name();

  /**
   * A Java source; its originating elements travel in the file's type. {@link JavaFiles#generatedClass}
   * gives it the header, which {@link ArtifactWriter} checks.
   */
  record JavaSource(JavaFile file) implements Artifact {
    /** Checks the file is there. */
    public JavaSource {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
      return file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
    }
  }

  /**
   * A resource under the class output, as UTF-8 text.
   *
   * @param path its path relative to the class output root
   * @param text its content
   * @param origins the elements it was generated from (for incremental builds)
   */
  record Resource(String path, String text, List<Element> origins) implements Artifact {
    /** Copies {@code origins}. */
    public Resource {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
      origins = List.copyOf(origins);
    }

    @Override
    public String name() {
      return path;
    }
  }
}
