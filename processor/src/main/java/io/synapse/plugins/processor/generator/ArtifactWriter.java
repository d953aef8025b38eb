package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeName;
import io.synapse.plugins.processor.RuntimeTypes;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes artifacts through the {@link Filer}, the only place the processor does: sources with their
 * originating elements, resources as UTF-8 under the class output with theirs. It refuses a source
 * whose type lacks the header every generated class carries ({@link JavaFiles#generatedClass}), so no
 * generator can skip it.
 */
public final class ArtifactWriter {
  private static final Set<TypeName> HEADER = Set.of(JavaFiles.GENERATED, RuntimeTypes.SYNAPSE_GENERATED);

  private final Filer filer;

  /** A writer to {@code filer}. */
  public ArtifactWriter(Filer filer) {
    this.filer = filer;
  }

  /**
   * Writes {@code artifact}.
   *
   * @throws IllegalStateException when it cannot be written, or a source lacks the generated header
   */
  public void write(Artifact artifact) {
    try {
      if (artifact instanceof Artifact.JavaSource source) {
        checkHeader(source);
        source.file().writeTo(filer);
      } else {
        Artifact.Resource resource = (Artifact.Resource) artifact;
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource.path(),
            resource.origins().toArray(new Element[0]));
        try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
          writer.write(resource.text());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + artifact.name() + ": " + e, e);
    }
  }

  /** Whether {@code source}'s type carries {@code @Generated} and {@code @SynapseGenerated}. */
  static void checkHeader(Artifact.JavaSource source) {
    Set<TypeName> annotations = source.file().typeSpec().annotations().stream().map(AnnotationSpec::type).collect(Collectors.toSet());
    if (!annotations.containsAll(HEADER)) {
      throw new IllegalStateException(source.name() + " lacks the generated header (make its type with JavaFiles.generatedClass)");
    }
  }
}
