package io.synapse.plugins.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline built at run time breaks the rules the processor checks declared pipelines by: an unknown
 * action, incompatible semantic types between two actions, a result component whose JSON type cannot
 * feed the param of the same name, a required param no initial param or earlier result gives. Every
 * problem is listed ({@code details().get("problems")}: each a map with {@code id}, {@code message} and,
 * where it has one, {@code action_index}); nothing ran.
 */
public final class PipelineDefinitionError extends PluginError {
  private static final long serialVersionUID = 1L;

  /** One broken rule. */
  public record Problem(String id, int actionIndex, String message) {}

  private final List<Problem> problems;

  /** An error for pipeline {@code pipeline} listing {@code problems}. */
  public PipelineDefinitionError(String pipeline, List<Problem> problems) {
    super("invalid_pipeline", message(pipeline, problems), details(pipeline, problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in pipeline order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String pipeline, List<Problem> problems) {
    StringBuilder text = new StringBuilder("Pipeline '").append(pipeline).append("' is invalid (")
        .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
    for (Problem problem : problems) {
      text.append("\n  - [").append(problem.id()).append("] ").append(problem.message());
    }
    return text.toString();
  }

  private static Map<String, Object> details(String pipeline, List<Problem> problems) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Problem problem : problems) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", problem.id());
      item.put("message", problem.message());
      if (problem.actionIndex() >= 0) {
        item.put("action_index", problem.actionIndex());
      }
      list.add(item);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("pipeline", pipeline);
    details.put("problems", list);
    return details;
  }
}
