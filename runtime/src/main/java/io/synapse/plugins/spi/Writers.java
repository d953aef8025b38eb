package io.synapse.plugins.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writers generated record writers are built from: the inverse of {@link Readers}. Numbers,
 * strings and booleans are written as they are; enums by wire value (or name); paths, URIs, durations, instants and
 * dates as their ISO/text form.
 */
public final class Writers {
  // Anonymous classes rather than lambdas: writing a first result spins no hidden class.
  private Writers() {}

  /** Values written as they are (strings, numbers, booleans). */
  public static final ValueWriter<Object> SAME = new ValueWriter<Object>() {
    @Override
    public Object write(Object value) {
      return value;
    }
  };

  /** Values written as their {@code toString()} (paths, URIs, durations, instants, dates). */
  public static final ValueWriter<Object> TEXT = new ValueWriter<Object>() {
    @Override
    public Object write(Object value) {
      return value == null ? null : value.toString();
    }
  };

  /** Enum constants, by name. */
  public static final ValueWriter<Enum<?>> ENUM = new ValueWriter<Enum<?>>() {
    @Override
    public Object write(Enum<?> value) {
      return value == null ? null : value.name();
    }
  };

  /**
   * Enum constants by wire value: {@code wireValues[i]} is the value of the constant whose ordinal is
   * {@code i}, as the processor lists them.
   */
  public static ValueWriter<Enum<?>> enumValues(String... wireValues) {
    String[] values = wireValues.clone();
    return new ValueWriter<Enum<?>>() {
      @Override
      public Object write(Enum<?> value) {
        return value == null ? null : values[value.ordinal()];
      }
    };
  }

  /**
   * Any value: JSON-like values as they are, maps and collections element by element, enums by name,
   * and anything else as its {@code toString()}.
   */
  public static final ValueWriter<Object> ANY = new ValueWriter<Object>() {
    @Override
    public Object write(Object value) {
      return any(value);
    }
  };

  /** Lists (or any collection) of {@code element}. */
  public static <T> ValueWriter<Collection<T>> list(ValueWriter<? super T> element) {
    return new ValueWriter<Collection<T>>() {
      @Override
      public Object write(Collection<T> values) {
        if (values == null) {
          return null;
        }
        List<Object> out = new ArrayList<>(values.size());
        for (T value : values) {
          out.add(element.write(value));
        }
        return Collections.unmodifiableList(out);
      }
    };
  }

  /** Maps from string keys to {@code valueWriter}'s type. */
  public static <T> ValueWriter<Map<String, T>> map(ValueWriter<? super T> valueWriter) {
    return new ValueWriter<Map<String, T>>() {
      @Override
      public Object write(Map<String, T> values) {
        if (values == null) {
          return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, T> entry : values.entrySet()) {
          out.put(entry.getKey(), valueWriter.write(entry.getValue()));
        }
        return Collections.unmodifiableMap(out);
      }
    };
  }

  /** Optionals of {@code element}: the contained value, or null when empty. */
  public static <T> ValueWriter<Optional<T>> optional(ValueWriter<? super T> element) {
    return new ValueWriter<Optional<T>>() {
      @Override
      public Object write(Optional<T> value) {
        return value == null || value.isEmpty() ? null : element.write(value.get());
      }
    };
  }

  /** Puts {@code value} written by {@code writer} into {@code out}, unless it is absent. */
  public static <T> void put(Map<String, Object> out, String name, T value, ValueWriter<? super T> writer) {
    Object written = value == null ? null : writer.write(value);
    if (written != null) {
      out.put(name, written);
    }
  }

  private static Object any(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? any(optional.get()) : null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.put(String.valueOf(entry.getKey()), any(entry.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof Collection<?> collection) {
      List<Object> out = new ArrayList<>(collection.size());
      for (Object item : collection) {
        out.add(any(item));
      }
      return Collections.unmodifiableList(out);
    }
    return value.toString();
  }
}
