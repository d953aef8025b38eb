package io.synapse.plugins.types;

import java.util.Locale;
import java.util.Optional;

/**
 * The semantic types actions declare as their input and output ({@code @PluginAction(inputType =
 * DataType.Names.YOLO_DATASET)}), in the seeds' hierarchy: datasets ({@code dm_dataset} with its v1
 * and v2, {@code yolo_dataset}, {@code coco_dataset}, {@code pascal_voc_dataset}), models
 * ({@code model_weights}, {@code onnx_model}, {@code tensorrt_model}) and results. Two types are
 * compatible when one is the other or a kind of it: a {@code yolo_dataset} is a {@code dataset}. config.yaml
 * writes them as the seeds' names ({@link #typeName()}); {@link #compatible(String, String)} is the rule a
 * pipeline follows between one action's output and the next one's input, at compile time and at run time.
 */
public enum DataType {
  /** Anything. */
  DATA("data", null, null, "Data"),
  /** Any dataset. */
  DATASET("dataset", null, DATA, "Generic dataset"),
  /** A Datamaker dataset, v1 or v2. */
  DM_DATASET("dm_dataset", "dm", DATASET, "Datamaker format dataset"),
  /** A Datamaker v1 dataset. */
  DM_V1_DATASET("dm_v1_dataset", "dm_v1", DM_DATASET, "Datamaker v1 format dataset"),
  /** A Datamaker v2 dataset: {@code json/*.json} and {@code original_files/}. */
  DM_V2_DATASET("dm_v2_dataset", "dm_v2", DM_DATASET, "Datamaker v2 format dataset"),
  /** A YOLO dataset with {@code dataset.yaml}. */
  YOLO_DATASET("yolo_dataset", "yolo", DATASET, "YOLO format dataset with dataset.yaml"),
  /** A COCO dataset. */
  COCO_DATASET("coco_dataset", "coco", DATASET, "COCO format dataset"),
  /** A Pascal VOC dataset. */
  PASCAL_VOC_DATASET("pascal_voc_dataset", "pascal", DATASET, "Pascal VOC format dataset"),
  /** Any model. */
  MODEL("model", null, DATA, "Generic model"),
  /** Trained weights. */
  MODEL_WEIGHTS("model_weights", "weights", MODEL, "Trained model weights"),
  /** An ONNX model. */
  ONNX_MODEL("onnx_model", "onnx", MODEL, "ONNX format model"),
  /** A TensorRT model. */
  TENSORRT_MODEL("tensorrt_model", "tensorrt", MODEL, "TensorRT format model"),
  /** Any result. */
  RESULT("result", null, DATA, "Generic result"),
  /** Evaluation results with metrics. */
  TEST_RESULTS("test_results", "metrics", RESULT, "Test results with metrics"),
  /** Predictions. */
  INFERENCE_RESULTS("inference_results", "predictions", RESULT, "Inference predictions");

  private final String typeName;
  private final String format;
  private final DataType parent;
  private final String description;

  DataType(String typeName, String format, DataType parent, String description) {
    this.typeName = typeName;
    this.format = format;
    this.parent = parent;
    this.description = description;
  }

  /** The type's name as config.yaml writes it ({@code yolo_dataset}). */
  public String typeName() {
    return typeName;
  }

  /** The data format ({@code yolo}, {@code dm_v2}, ...), if the type has one. */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  /** The more general type, if any. */
  public Optional<DataType> parent() {
    return Optional.ofNullable(parent);
  }

  /** A human description. */
  public String description() {
    return description;
  }

  /** Whether this type is {@code other} or a kind of it. */
  public boolean isA(DataType other) {
    for (DataType type = this; type != null; type = type.parent) {
      if (type == other) {
        return true;
      }
    }
    return false;
  }

  /** Whether data of one type can be given where the other is declared: one is a kind of the other. */
  public boolean isCompatibleWith(DataType other) {
    return isA(other) || other.isA(this);
  }

  /**
   * Whether data declared as {@code output} (one action's {@code outputType}) may be given where {@code input}
   * (the next action's {@code inputType}) is declared. An empty or absent type on either side says nothing,
   * so it is compatible; two known types follow the hierarchy ({@link #isCompatibleWith}); a name that is
   * not one of these types (a plugin's own) is compatible only with the same name, ignoring case.
   */
  public static boolean compatible(String output, String input) {
    if (output == null || output.isBlank() || input == null || input.isBlank()) {
      return true;
    }
    Optional<DataType> from = fromName(output);
    Optional<DataType> to = fromName(input);
    if (from.isPresent() && to.isPresent()) {
      return from.get().isCompatibleWith(to.get());
    }
    return output.strip().equalsIgnoreCase(input.strip());
  }

  /** The type named {@code name} ({@code yolo_dataset}, case-insensitive), if there is one. */
  public static Optional<DataType> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (DataType type : values()) {
      if (type.typeName.equals(wanted)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The names as compile-time constants, for {@code @PluginAction(inputType = ..., outputType = ...)}. */
  public static final class Names {
    /** {@code data}. */
    public static final String DATA = "data";
    /** {@code dataset}. */
    public static final String DATASET = "dataset";
    /** {@code dm_dataset}. */
    public static final String DM_DATASET = "dm_dataset";
    /** {@code dm_v1_dataset}. */
    public static final String DM_V1_DATASET = "dm_v1_dataset";
    /** {@code dm_v2_dataset}. */
    public static final String DM_V2_DATASET = "dm_v2_dataset";
    /** {@code yolo_dataset}. */
    public static final String YOLO_DATASET = "yolo_dataset";
    /** {@code coco_dataset}. */
    public static final String COCO_DATASET = "coco_dataset";
    /** {@code pascal_voc_dataset}. */
    public static final String PASCAL_VOC_DATASET = "pascal_voc_dataset";
    /** {@code model}. */
    public static final String MODEL = "model";
    /** {@code model_weights}. */
    public static final String MODEL_WEIGHTS = "model_weights";
    /** {@code onnx_model}. */
    public static final String ONNX_MODEL = "onnx_model";
    /** {@code tensorrt_model}. */
    public static final String TENSORRT_MODEL = "tensorrt_model";
    /** {@code result}. */
    public static final String RESULT = "result";
    /** {@code test_results}. */
    public static final String TEST_RESULTS = "test_results";
    /** {@code inference_results}. */
    public static final String INFERENCE_RESULTS = "inference_results";

    private Names() {}
  }
}
