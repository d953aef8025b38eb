package io.synapse.plugins.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every runtime name the processor generates against must exist in the real runtime. */
class RuntimeTypesTest {

  @Test
  void everyClassNameResolvesToARuntimeClass() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Field field : RuntimeTypes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClassName.class) {
        ClassName name = (ClassName) field.get(null);
        assertDoesNotThrow(() -> Class.forName(name.reflectionName()), field.getName() + " -> " + name);
        checked.add(name.reflectionName());
      }
    }
    assertThat(checked).hasSize(44);
  }

  @Test
  void jakartaPackageExists() {
    assertDoesNotThrow(() -> Class.forName(RuntimeTypes.JAKARTA_CONSTRAINTS + ".NotNull"));
  }

  /** config.yaml and the registry write these constants' values as their lower-case names. */
  @Test
  void enumValuesAreLowerCaseNames() {
    for (io.synapse.plugins.PluginCategory category : io.synapse.plugins.PluginCategory.values()) {
      assertThat(category.value()).isEqualTo(category.name().toLowerCase(Locale.ROOT));
    }
    for (io.synapse.plugins.RunMethod method : io.synapse.plugins.RunMethod.values()) {
      assertThat(method.value()).isEqualTo(method.name().toLowerCase(Locale.ROOT));
    }
  }
}
