package io.synapse.plugins.processor.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.synapse.plugins.processor.RuntimeTypes;
import io.synapse.plugins.processor.model.Constraint;
import io.synapse.plugins.processor.model.FieldType;
import io.synapse.plugins.processor.model.GeneratedNames;
import io.synapse.plugins.processor.model.ParamField;
import io.synapse.plugins.processor.model.RecordModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Record>_Binder}: reads a record from untyped input, collecting every violation,
 * and writes it back as an ordered map (the {@code write} method comes from {@link WriterGenerator}).
 */
public final class BinderGenerator implements Generator<RecordModel> {
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName MAP = ClassName.get("java.util", "Map");
  private static final ClassName STRING = ClassName.get(String.class);
  private static final ClassName PATTERN = ClassName.get("java.util.regex", "Pattern");
  private static final Set<String> RESERVED = Set.of("value", "path", "violations", "fields", "before");

  /** The binder of {@code record}. */
  @Override
  public Artifact generate(RecordModel record) {
    ClassName binder = TypeNames.of(record.type().binder());
    ClassName name = TypeNames.of(record.name());
    TypeSpec.Builder type = JavaFiles.generatedClass(binder, record.qualifiedName(),
            "Binds {@link $T} from untyped input and writes it back. Generated from its record components.", name)
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.RECORD_BINDER, name))
        .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.RECORD_WRITER, name))
        .addOriginatingElement(record.element())
        .addField(FieldSpec.builder(binder, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", binder)
            .build());
    List<String> wireNames = record.fields().stream().map(ParamField::wireName).toList();
    List<String> javaNames = record.fields().stream().map(ParamField::name).toList();
    // Binding takes the Java names too: listed beside the wire names when any differs.
    CodeBlock fieldNames = wireNames.equals(javaNames)
        ? CodeBlock.of("$T.fieldNames($L)", RuntimeTypes.READERS, TypeCode.strings(wireNames))
        : CodeBlock.of("$T.fieldNames(\n$>$>new String[] {$L},\nnew String[] {$L})$<$<", RuntimeTypes.READERS,
            TypeCode.strings(wireNames), TypeCode.strings(javaNames));
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, STRING), "FIELDS",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(fieldNames)
        .build());
    for (ParamField field : record.fields()) {
      addConstants(type, field);
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(MethodSpec.methodBuilder("fieldNames")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, STRING))
        .addStatement("return FIELDS")
        .build());
    type.addMethod(MethodSpec.methodBuilder("subject")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(STRING)
        .addStatement("return $S", "params of " + record.name().display())
        .build());
    type.addMethod(read(record));
    type.addMethod(WriteMethod.of(record));
    return JavaFiles.source(binder.packageName(), type.build());
  }

  private static void addConstants(TypeSpec.Builder type, ParamField field) {
    String constant = GeneratedNames.constant(field.name());
    if (hasReaderConstant(field)) {
      // Built once: enumOf copies values(), and list(...) and the like would allocate on every read.
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.VALUE_READER, TypeNames.of(field.type())),
              constant + "_READER", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(TypeCode.reader(field.type()))
          .build());
    }
    if (field.defaultValue().isPresent() && !field.type().isTextDefaultable()) {
      type.addField(FieldSpec.builder(Object.class, constant + "_DEFAULT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.json($S)", RuntimeTypes.DEFAULTS, field.defaultValue().get().text())
          .build());
    }
    for (Constraint constraint : field.constraints()) {
      if (constraint instanceof Constraint.Pattern pattern) {
        type.addField(patternField(constant + "_PATTERN", pattern.regexp(), pattern.flags()));
      } else if (constraint instanceof Constraint.Email email && email.hasExtraPattern()) {
        type.addField(patternField(constant + "_EMAIL_PATTERN", email.regexp(), email.flags()));
      }
    }
  }

  private static FieldSpec patternField(String name, String regexp, List<String> flags) {
    CodeBlock.Builder init = CodeBlock.builder().add("$T.compile($S", PATTERN, regexp);
    for (int i = 0; i < flags.size(); i++) {
      init.add(i == 0 ? ", $T.$L" : " | $T.$L", PATTERN, flags.get(i));
    }
    return FieldSpec.builder(PATTERN, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init.add(")").build())
        .build();
  }

  private static MethodSpec read(RecordModel record) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.of(record.name()))
        .addParameter(Object.class, "value")
        .addParameter(RuntimeTypes.VALUE_PATH, "path")
        .addParameter(RuntimeTypes.VIOLATIONS, "violations");
    method.beginControlFlow("if (value == null)").addStatement("return null").endControlFlow();
    method.addStatement("int before = violations.count()");
    method.addStatement("$T<?, ?> fields = $T.object(value, path, FIELDS, violations)", MAP, RuntimeTypes.READERS);
    method.beginControlFlow("if (fields == null)").addStatement("return null").endControlFlow();
    List<String> locals = new ArrayList<>();
    for (ParamField field : record.fields()) {
      String local = RESERVED.contains(field.name()) ? field.name() + "_" : field.name();
      locals.add(local);
      method.addStatement("$T $L = $L", TypeNames.of(field.type()), local, readCall(field));
      for (Constraint constraint : field.constraints()) {
        CodeBlock check = check(field, local, constraint);
        if (check != null) {
          method.addStatement(check);
        }
      }
    }
    method.beginControlFlow("if (violations.count() != before)").addStatement("return null").endControlFlow();
    method.addStatement("return new $T($L)", TypeNames.of(record.name()), String.join(", ", locals));
    return method.build();
  }

  // Readers that name another binder stay in the method: a constant would make binder classes
  // initialise each other, and two threads binding two mutually nested records first could deadlock.
  private static boolean hasReaderConstant(ParamField field) {
    return !(field.type() instanceof FieldType.Scalar) && !namesBinder(field.type());
  }

  private static boolean namesBinder(FieldType type) {
    if (type instanceof FieldType.ListType list) {
      return namesBinder(list.element());
    }
    if (type instanceof FieldType.SetType set) {
      return namesBinder(set.element());
    }
    if (type instanceof FieldType.MapType map) {
      return namesBinder(map.value());
    }
    if (type instanceof FieldType.OptionalType optional) {
      return namesBinder(optional.content());
    }
    return type instanceof FieldType.RecordType;
  }

  private static CodeBlock readCall(ParamField field) {
    CodeBlock reader = hasReaderConstant(field)
        ? CodeBlock.of("$L_READER", GeneratedNames.constant(field.name()))
        : TypeCode.reader(field.type());
    String name = field.wireName();
    if (field.defaultValue().isPresent()) {
      CodeBlock defaultValue = field.type().isTextDefaultable()
          ? CodeBlock.of("$S", field.type().takesDefaultAsText()
              ? field.defaultValue().get().text()
              : field.defaultValue().get().text().trim())
          : CodeBlock.of("$L_DEFAULT", GeneratedNames.constant(field.name()));
      return CodeBlock.of("$T.withDefault(fields, $S, $L, path, violations, $L)",
          RuntimeTypes.READERS, name, defaultValue, reader);
    }
    if (field.required()) {
      return CodeBlock.of("$T.required(fields, $S, path, violations, $L)", RuntimeTypes.READERS, name, reader);
    }
    if (field.type() instanceof FieldType.ListType || field.type() instanceof FieldType.SetType) {
      return CodeBlock.of("$T.withDefault(fields, $S, $T.of(), path, violations, $L)",
          RuntimeTypes.READERS, name, LIST, reader);
    }
    if (field.type() instanceof FieldType.MapType) {
      return CodeBlock.of("$T.withDefault(fields, $S, $T.of(), path, violations, $L)",
          RuntimeTypes.READERS, name, MAP, reader);
    }
    return CodeBlock.of("$T.field(fields, $S, path, violations, $L)", RuntimeTypes.READERS, name, reader);
  }

  private static CodeBlock check(ParamField field, String local, Constraint constraint) {
    CodeBlock where = CodeBlock.of("path, $S, violations", field.wireName());
    String constant = GeneratedNames.constant(field.name());
    TypeName checks = RuntimeTypes.CHECKS;
    if (constraint instanceof Constraint.NotBlank) {
      return CodeBlock.of("$T.notBlank($L, $L)", checks, local, where);
    }
    if (constraint instanceof Constraint.NotEmpty) {
      return CodeBlock.of("$T.notEmpty($L, $L)", checks, local, where);
    }
    if (constraint instanceof Constraint.Size size) {
      return CodeBlock.of("$T.size($L, $L, $L, $L)", checks, local, size.min(), maxLiteral(size.max()), where);
    }
    if (constraint instanceof Constraint.Min min) {
      return CodeBlock.of("$T.min($L, $LL, $L)", checks, local, min.value(), where);
    }
    if (constraint instanceof Constraint.Max max) {
      return CodeBlock.of("$T.max($L, $LL, $L)", checks, local, max.value(), where);
    }
    if (constraint instanceof Constraint.DecimalMin min) {
      return decimalCheck("decimalMin", local, min.value().trim(), min.inclusive(), where);
    }
    if (constraint instanceof Constraint.DecimalMax max) {
      return decimalCheck("decimalMax", local, max.value().trim(), max.inclusive(), where);
    }
    if (constraint instanceof Constraint.Positive) {
      return CodeBlock.of("$T.positive($L, $L)", checks, local, where);
    }
    if (constraint instanceof Constraint.PositiveOrZero) {
      return CodeBlock.of("$T.positiveOrZero($L, $L)", checks, local, where);
    }
    if (constraint instanceof Constraint.Negative) {
      return CodeBlock.of("$T.negative($L, $L)", checks, local, where);
    }
    if (constraint instanceof Constraint.NegativeOrZero) {
      return CodeBlock.of("$T.negativeOrZero($L, $L)", checks, local, where);
    }
    if (constraint instanceof Constraint.Pattern) {
      return CodeBlock.of("$T.pattern($L, $L_PATTERN, $L)", checks, local, constant, where);
    }
    if (constraint instanceof Constraint.Email email) {
      return email.hasExtraPattern()
          ? CodeBlock.of("$T.email($L, $L_EMAIL_PATTERN, $L)", checks, local, constant, where)
          : CodeBlock.of("$T.email($L, null, $L)", checks, local, where);
    }
    // NotNull is enforced by reading the component as required.
    return null;
  }

  // A bound a double holds exactly (0, 1, 0.5, 100.25) is passed as a double literal too, so that the
  // check compares doubles rather than BigDecimals; Double.toString must give it back for the literal.
  private static CodeBlock decimalCheck(String method, String local, String bound, boolean inclusive, CodeBlock where) {
    OptionalDouble exact = exactDouble(bound);
    if (exact.isPresent()) {
      return CodeBlock.of("$T.$L($L, $S, $L, $L, $L)", RuntimeTypes.CHECKS, method, local, bound,
          Double.toString(exact.getAsDouble()), inclusive, where);
    }
    return CodeBlock.of("$T.$L($L, $S, $L, $L)", RuntimeTypes.CHECKS, method, local, bound, inclusive, where);
  }

  static OptionalDouble exactDouble(String bound) {
    try {
      BigDecimal decimal = new BigDecimal(bound);
      double asDouble = decimal.doubleValue();
      if (Double.isFinite(asDouble) && new BigDecimal(asDouble).compareTo(decimal) == 0
          && new BigDecimal(Double.toString(asDouble)).compareTo(decimal) == 0) {
        return OptionalDouble.of(asDouble);
      }
    } catch (NumberFormatException e) {
      // Validated earlier; an unreadable bound keeps the BigDecimal check.
    }
    return OptionalDouble.empty();
  }

  private static String maxLiteral(int max) {
    return max == Integer.MAX_VALUE ? "Integer.MAX_VALUE" : String.valueOf(max);
  }

  static TypeName wildcard() {
    return WildcardTypeName.subtypeOf(Object.class);
  }
}
