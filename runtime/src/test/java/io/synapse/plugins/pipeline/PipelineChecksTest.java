package io.synapse.plugins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synapse.plugins.errors.PipelineDefinitionError.Problem;
import io.synapse.plugins.spi.ActionShape;
import io.synapse.plugins.spi.FieldShape;
import io.synapse.plugins.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline rules on shapes alone: what the processor and the runtime both apply. */
class PipelineChecksTest {
  static FieldShape field(String name, boolean required, String type) {
    return new FieldShape(name, name, required, type, false);
  }

  static PipelineChecks.Stage stage(String name, String in, String out, List<FieldShape> params, List<FieldShape> result) {
    return new PipelineChecks.Stage(name, ActionShape.of(in, out, params, result), true);
  }

  static final PipelineChecks.Stage FETCH = stage("fetch", "", "dataset", List.of(field("source", true, "string")),
      List.of(field("path", false, "string"), field("rows", true, "integer")));
  static final PipelineChecks.Stage CONVERT = stage("convert", "dataset", "yolo_dataset",
      List.of(field("path", true, "string"), field("format", false, "string")), List.of(field("path", false, "string")));
  static final PipelineChecks.Stage TRAIN = stage("train", "yolo_dataset", "model_weights",
      List.of(field("path", true, "string"), field("epochs", true, "integer"), field("rate", false, "number")), List.of());

  @Test
  void semanticTypesFollowTheHierarchyBothWays() {
    assertTrue(DataType.compatible("yolo_dataset", "dataset"));
    assertTrue(DataType.compatible("dataset", "yolo_dataset"));
    assertTrue(DataType.compatible("dm_v2_dataset", "dm_dataset"));
    assertFalse(DataType.compatible("yolo_dataset", "coco_dataset"), "siblings are not kinds of each other");
    assertFalse(DataType.compatible("model_weights", "dataset"));
    assertTrue(DataType.compatible("", "dataset"), "an absent type says nothing");
    assertTrue(DataType.compatible("my_format", "MY_FORMAT"), "a plugin's own name matches itself");
    assertFalse(DataType.compatible("my_format", "dataset"));
    assertTrue(DataType.compatible("data", "onnx_model"), "everything is data");
  }

  @Test
  void aChainThatFitsHasNoProblemAndItsInitialParamsAreWhatNoResultGives() {
    List<PipelineChecks.Stage> stages = List.of(FETCH, CONVERT, TRAIN);
    assertEquals(List.of(), PipelineChecks.check(stages, null));
    List<FieldShape> initial = PipelineChecks.initialParams(stages);
    assertEquals(List.of("source", "format", "epochs", "rate"), initial.stream().map(FieldShape::wireName).toList());
    assertEquals(List.of(true, false, true, false), initial.stream().map(FieldShape::required).toList());
  }

  @Test
  void everyProblemIsListedWithItsActionIndex() {
    PipelineChecks.Stage count = stage("count", "", "", List.of(field("path", true, "integer")), List.of());
    List<Problem> problems = PipelineChecks.check(List.of(TRAIN, CONVERT, count), null);
    assertEquals(List.of("PipelineIncompatibleTypes@1", "PipelineFieldTypeMismatch@2"),
        problems.stream().map(p -> p.id() + "@" + p.actionIndex()).toList(), problems.toString());
  }

  @Test
  void withAnInitialRecordRequiredParamsMustBeGivenAndItsComponentsTaken() {
    List<Problem> problems = PipelineChecks.check(List.of(FETCH, CONVERT, TRAIN),
        List.of(field("source", true, "string"), field("typo", false, "string")));
    assertEquals(List.of("PipelineParamNotProvided@2", "PipelineUnknownParam@-1"),
        problems.stream().map(p -> p.id() + "@" + p.actionIndex()).toList(), problems.toString());
    assertTrue(problems.get(0).message().contains("'epochs' of action 'train'"), problems.toString());
    PipelineChecks.Stage integerSource = stage("fetch", "", "", List.of(field("source", true, "string")), List.of());
    List<Problem> wrongType = PipelineChecks.check(List.of(integerSource), List.of(field("source", true, "integer")));
    assertEquals("PipelineFieldTypeMismatch", wrongType.get(0).id(), "a number never becomes a string");
  }

  @Test
  void anIntegerFeedsANumberButNotTheOtherWayRound() {
    assertTrue(field("rate", true, "number").accepts("integer"));
    assertFalse(field("epochs", true, "integer").accepts("number"));
    assertTrue(field("any", true, "any").accepts("array"));
    assertFalse(field("name", true, "string").accepts("integer"));
  }

  @Test
  void codeMadeParamsAreCheckedForTheirTypesOnly() {
    PipelineChecks.Stage typed = new PipelineChecks.Stage("train", TRAIN.shape(), false);
    assertEquals(List.of(), PipelineChecks.check(List.of(FETCH, CONVERT, typed), List.of(field("source", true, "string"))),
        "the mapping makes train's params: nothing is 'not provided'");
  }
}
