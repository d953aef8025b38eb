package io.synapse.plugins.processor.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapse.plugins.processor.model.ActionModel;
import io.synapse.plugins.processor.model.Constraint;
import io.synapse.plugins.processor.model.DefaultJson;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.JsonTypes;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.PluginModel;
import io.synapse.plugins.processor.model.RecordModel;
import io.synapse.plugins.processor.model.ScalarKind;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the JSON Schemas (draft 2020-12) of an action's params and result, agreeing with the
 * generated binders: same required components, defaults and constraints. Nested records go to
 * {@code $defs}.
 */
public final class SchemaGenerator {
  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  // A character that is not whitespace as Java's String.isBlank sees it (Character.isWhitespace): tab,
  // line feed, vertical tab, form feed, carriage return, the four separators U+001C to U+001F, and the
  // space, line and paragraph separators but the non-breaking ones (U+00A0, U+2007, U+202F). Written
  // with escapes that ECMA-262, Java and Python regexps read alike; "\\S" would disagree on U+00A0
  // (ECMA) or U+2000 (Java, Python).
  static final String NOT_WHITESPACE =
      "[^\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]";
  // The end of the input: Java's @Pattern matches the whole string, while "$" of a validator that
  // searches with Java or Python semantics also matches before a final line break.
  private static final String END = "(?![\\s\\S])";
  // The smallest magnitude BigDecimal.floatValue() turns into an infinity, which the binder refuses:
  // Float.MAX_VALUE plus half an ulp, 2^128 - 2^103.
  private static final BigDecimal FLOAT_OVERFLOW = BigDecimal.valueOf(2).pow(128).subtract(BigDecimal.valueOf(2).pow(103));

  private final Map<String, RecordModel> records;

  /** @param records every record read, by qualified name */
  public SchemaGenerator(Map<String, RecordModel> records) {
    this.records = records;
  }

  /** The path of an action's params or result schema. */
  public static String path(PluginModel plugin, ActionModel action, String kind) {
    return "META-INF/synapse/" + plugin.code() + "/schemas/" + action.name() + "." + kind + ".schema.json";
  }

  /** The params schema text. */
  public String params(ActionModel action) {
    return Resources.json(schema(action.params(), "Params of action '" + action.name() + "'"));
  }

  /** The result schema text. */
  public String result(ActionModel action) {
    return Resources.json(schema(action.result(), "Result of action '" + action.name() + "'"));
  }

  private ObjectNode schema(FieldType type, String fallbackDescription) {
    Context context = new Context(type instanceof FieldType.RecordType root ? root.qualifiedName() : null);
    ObjectNode schema = Resources.object();
    schema.put("$schema", DIALECT);
    RecordModel root = type instanceof FieldType.RecordType record ? records.get(record.qualifiedName()) : null;
    schema.put("title", type.display());
    schema.put("description", root != null && !root.description().isEmpty() ? root.description() : fallbackDescription);
    if (root != null) {
      schema.setAll(recordSchema(root, context));
    } else {
      schema.setAll(typeSchema(type, context));
    }
    addDefs(schema, context);
    return schema;
  }

  /**
   * The initial-params schema of a pipeline whose initial params are a map: {@code fields} (each the component
   * of the first action that takes it from the initial params), {@code required} those no earlier result gives.
   */
  public String pipelineParams(String title, String description, List<ParamField> fields, Set<String> required) {
    Context context = new Context(null);
    ObjectNode schema = Resources.object();
    schema.put("$schema", DIALECT);
    schema.put("title", title);
    schema.put("description", description);
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode names = schema.arrayNode();
    for (ParamField field : fields) {
      properties.set(field.wireName(), fieldSchema(field, context));
      if (required.contains(field.wireName())) {
        names.add(field.wireName());
      }
    }
    if (!names.isEmpty()) {
      schema.set("required", names);
    }
    schema.put("additionalProperties", false);
    addDefs(schema, context);
    return Resources.json(schema);
  }

  /** The schema of record {@code record} (a pipeline's declared initial params). */
  public String record(FieldType.RecordType record, String fallbackDescription) {
    return Resources.json(schema(record, fallbackDescription));
  }

  private void addDefs(ObjectNode schema, Context context) {
    Map<String, ObjectNode> defs = new TreeMap<>();
    while (!context.pending.isEmpty()) {
      String name = context.pending.removeFirst();
      String key = context.keys.get(name);
      if (!defs.containsKey(key)) {
        RecordModel record = records.get(name);
        ObjectNode def = Resources.object();
        if (record != null) {
          def.put("title", record.type().display());
          if (!record.description().isEmpty()) {
            def.put("description", record.description());
          }
          defs.put(key, def);
          def.setAll(recordSchema(record, context));
        } else {
          def.put("type", "object");
          defs.put(key, def);
        }
      }
    }
    if (!defs.isEmpty()) {
      schema.putObject("$defs").setAll(defs);
    }
  }

  private ObjectNode recordSchema(RecordModel record, Context context) {
    ObjectNode node = Resources.object();
    node.put("type", "object");
    ObjectNode properties = node.putObject("properties");
    ArrayNode required = Resources.object().arrayNode();
    for (ParamField field : record.fields()) {
      properties.set(field.wireName(), fieldSchema(field, context));
      if (field.required()) {
        required.add(field.wireName());
      }
    }
    if (!required.isEmpty()) {
      node.set("required", required);
    }
    node.put("additionalProperties", false);
    return node;
  }

  private ObjectNode fieldSchema(ParamField field, Context context) {
    ObjectNode node = Resources.object();
    if (!field.description().isEmpty()) {
      node.put("description", field.description());
    }
    node.setAll(typeSchema(field.type(), context));
    applyConstraints(node, field);
    field.defaultValue().ifPresent(d -> node.set("default",
        DefaultJson.wireForm(field.type(), DefaultJson.parse(field.type(), d.text()), records)));
    if (field.secret()) {
      node.put("writeOnly", true);
    }
    return node;
  }

  private ObjectNode typeSchema(FieldType type, Context context) {
    ObjectNode node = Resources.object();
    if (type instanceof FieldType.Scalar scalar) {
      scalar(node, scalar.kind());
    } else if (type instanceof FieldType.EnumType enumType) {
      node.put("type", "string");
      ArrayNode values = node.putArray("enum");
      enumType.wireValues().forEach(values::add);
    } else if (type instanceof FieldType.ListType list) {
      node.put("type", "array");
      node.set("items", typeSchema(list.element(), context));
    } else if (type instanceof FieldType.SetType set) {
      node.put("type", "array");
      node.set("items", typeSchema(set.element(), context));
      node.put("uniqueItems", true);
    } else if (type instanceof FieldType.MapType map) {
      node.put("type", "object");
      node.set("additionalProperties", typeSchema(map.value(), context));
    } else if (type instanceof FieldType.OptionalType optional) {
      node.setAll(typeSchema(optional.content(), context));
    } else if (type instanceof FieldType.RecordType record) {
      node.put("$ref", context.ref(record));
    } else if (type instanceof FieldType.VoidType) {
      node.put("type", "null");
    }
    return node;
  }

  private static void scalar(ObjectNode node, ScalarKind kind) {
    String type = JsonTypes.scalar(kind);
    if (type != null) {
      node.put("type", type);
    }
    switch (kind) {
      case URI -> node.put("format", "uri");
      case DURATION -> node.put("format", "duration");
      case INSTANT -> node.put("format", "date-time");
      case LOCAL_DATE -> node.put("format", "date");
      case INT -> node.put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
      case LONG -> node.put("minimum", Long.MIN_VALUE).put("maximum", Long.MAX_VALUE);
      case SHORT -> node.put("minimum", Short.MIN_VALUE).put("maximum", Short.MAX_VALUE);
      case BYTE -> node.put("minimum", Byte.MIN_VALUE).put("maximum", Byte.MAX_VALUE);
      case FLOAT -> {
        node.set("exclusiveMinimum", number(FLOAT_OVERFLOW.negate()));
        node.set("exclusiveMaximum", number(FLOAT_OVERFLOW));
      }
      default -> { }
    }
  }

  private static void applyConstraints(ObjectNode node, ParamField field) {
    FieldType target = field.type().unwrapOptional();
    String prefix = target instanceof FieldType.ListType || target instanceof FieldType.SetType ? "Items"
        : target instanceof FieldType.MapType ? "Properties" : "Length";
    String pattern = null;
    boolean notBlank = false;
    for (Constraint constraint : field.constraints()) {
      if (constraint instanceof Constraint.NotBlank) {
        notBlank = true;
        atLeast(node, "min" + prefix, BigDecimal.ONE);
      } else if (constraint instanceof Constraint.NotEmpty) {
        atLeast(node, "min" + prefix, BigDecimal.ONE);
      } else if (constraint instanceof Constraint.Size size) {
        if (size.min() > 0) {
          atLeast(node, "min" + prefix, BigDecimal.valueOf(size.min()));
        }
        if (size.max() != Integer.MAX_VALUE) {
          atMost(node, "max" + prefix, BigDecimal.valueOf(size.max()));
        }
      } else if (constraint instanceof Constraint.Min min) {
        atLeast(node, "minimum", BigDecimal.valueOf(min.value()));
      } else if (constraint instanceof Constraint.Max max) {
        atMost(node, "maximum", BigDecimal.valueOf(max.value()));
      } else if (constraint instanceof Constraint.DecimalMin min) {
        atLeast(node, min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value().trim()));
      } else if (constraint instanceof Constraint.DecimalMax max) {
        atMost(node, max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value().trim()));
      } else if (constraint instanceof Constraint.Positive) {
        atLeast(node, "exclusiveMinimum", BigDecimal.ZERO);
      } else if (constraint instanceof Constraint.PositiveOrZero) {
        atLeast(node, "minimum", BigDecimal.ZERO);
      } else if (constraint instanceof Constraint.Negative) {
        atMost(node, "exclusiveMaximum", BigDecimal.ZERO);
      } else if (constraint instanceof Constraint.NegativeOrZero) {
        atMost(node, "maximum", BigDecimal.ZERO);
      } else if (constraint instanceof Constraint.Pattern p && p.flags().isEmpty()) {
        // Java's @Pattern matches the whole string; JSON Schema patterns search, so anchor it.
        pattern = p.regexp();
      } else if (constraint instanceof Constraint.Email) {
        node.put("format", "email");
      }
    }
    if (pattern != null) {
      node.put("pattern", "^" + (notBlank ? "(?=[\\s\\S]*" + NOT_WHITESPACE + ")" : "") + "(?:" + pattern + ")" + END);
    } else if (notBlank) {
      node.put("pattern", NOT_WHITESPACE);
    }
  }

  private static void atLeast(ObjectNode node, String key, BigDecimal bound) {
    JsonNode existing = node.get(key);
    if (existing == null || existing.decimalValue().compareTo(bound) < 0) {
      node.set(key, number(bound));
    }
  }

  private static void atMost(ObjectNode node, String key, BigDecimal bound) {
    JsonNode existing = node.get(key);
    if (existing == null || existing.decimalValue().compareTo(bound) > 0) {
      node.set(key, number(bound));
    }
  }

  private static JsonNode number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return Resources.object().numberNode(stripped.longValueExact());
    }
    return Resources.object().numberNode(stripped);
  }

  /** The records referred to while writing one schema, and their {@code $defs} keys. */
  private final class Context {
    private final String root;
    private final Deque<String> pending = new ArrayDeque<>();
    private final Map<String, String> keys = new HashMap<>();

    Context(String root) {
      this.root = root;
    }

    String ref(FieldType.RecordType record) {
      if (record.qualifiedName().equals(root)) {
        return "#";
      }
      String key = keys.get(record.qualifiedName());
      if (key == null) {
        key = record.display().replace('.', '_');
        if (keys.containsValue(key)) {
          key = record.qualifiedName().replace('.', '_');
        }
        keys.put(record.qualifiedName(), key);
        pending.addLast(record.qualifiedName());
      }
      return "#/$defs/" + key;
    }
  }
}
