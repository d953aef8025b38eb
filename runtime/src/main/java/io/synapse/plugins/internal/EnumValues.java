package io.synapse.plugins.internal;

import io.synapse.plugins.errors.PluginError;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing the lower-case values of the API's enums ({@code ExecutionMode}, {@code RunMethod}, {@code PluginCategory}). */
public final class EnumValues {
  private EnumValues() {}

  /**
   * The constant whose value or name is {@code text}, in any case and trimmed.
   *
   * @throws PluginError with {@code code}, saying "Unknown {@code noun} '...': use one of ..." and giving
   *     {@code detailKey} and {@code valid} in its details, for anything else
   */
  public static <E extends Enum<E>> E parse(E[] constants, Function<E, String> value, String text, String code, String noun,
      String detailKey) {
    if (text != null) {
      String wanted = text.trim();
      for (E constant : constants) {
        if (value.apply(constant).equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted)) {
          return constant;
        }
      }
    }
    String valid = Arrays.stream(constants).map(value).collect(Collectors.joining(", "));
    throw new PluginError(code, "Unknown " + noun + " '" + text + "': use one of " + valid,
        Map.of(detailKey, String.valueOf(text), "valid", valid));
  }
}
