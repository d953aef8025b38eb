package io.synapse.plugins.processor.reading;

import io.synapse.plugins.processor.Diagnostic;
import io.synapse.plugins.processor.Report;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.PipelineModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reads every {@code @PluginPipeline} (single or repeated) of the elements that carry one. */
public final class PipelineReader {
  private final Annotations annotations;
  private final Report report;

  public PipelineReader(Elements elements, Report report) {
    this.annotations = new Annotations(elements);
    this.report = report;
  }

  /** The pipelines of {@code carriers}, sorted by name; a {@code params} type that does not resolve defers the attempt. */
  public List<PipelineModel> read(List<Element> carriers) {
    List<PipelineModel> pipelines = new ArrayList<>();
    for (Element element : carriers) {
      for (AnnotationMirror mirror : mirrors(element)) {
        PipelineModel model = read(element, mirror);
        if (model != null) {
          pipelines.add(model);
        }
      }
    }
    pipelines.sort(Comparator.comparing(PipelineModel::name));
    return pipelines;
  }

  private List<AnnotationMirror> mirrors(Element element) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    Annotations.find(element, RuntimeTypes.PLUGIN_PIPELINE.canonicalName()).ifPresent(mirrors::add);
    Annotations.find(element, RuntimeTypes.PLUGIN_PIPELINE_LIST.canonicalName()).ifPresent(list -> {
      @SuppressWarnings("unchecked")
      List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) annotations.value(list, "value").getValue();
      for (AnnotationValue value : values) {
        mirrors.add((AnnotationMirror) value.getValue());
      }
    });
    return mirrors;
  }

  private PipelineModel read(Element element, AnnotationMirror mirror) {
    String name = annotations.string(mirror, "name");
    String title = annotations.string(mirror, "title");
    List<String> actions = new ArrayList<>();
    List<AnnotationValue> actionValues = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) annotations.value(mirror, "actions").getValue();
    for (AnnotationValue value : values) {
      actions.add(String.valueOf(value.getValue()));
      actionValues.add(value);
    }
    TypeMirror params = (TypeMirror) annotations.value(mirror, "params").getValue();
    TypeElement paramsRecord = null;
    if (params.getKind() == TypeKind.ERROR) {
      report.unresolved(element, params);
      return null;
    }
    if (params.getKind() == TypeKind.DECLARED) {
      TypeElement type = (TypeElement) ((DeclaredType) params).asElement();
      if (!type.getQualifiedName().contentEquals("java.lang.Void")) {
        if (type.getKind() != ElementKind.RECORD) {
          report.at(Diagnostic.PipelineParamsNotRecord, element, mirror, Annotations.explicitValue(mirror, "params"), name,
              type.getQualifiedName());
          return null;
        }
        paramsRecord = type;
      }
    }
    return new PipelineModel(element, mirror, name, title.isEmpty() ? name : title, annotations.string(mirror, "description"),
        List.copyOf(actions), List.copyOf(actionValues), paramsRecord);
  }
}
