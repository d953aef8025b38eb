package io.synapse.plugins.spi;

/**
 * Where a value sits in a bind's input ({@code optimizer.layers[2].name}), spelled out only when a
 * violation is reported. Binders hand each nested record, element and map entry one small node that
 * points at its parent, so a chain of records nested d levels deep costs d nodes of constant size, not
 * d paths of growing length. {@link #toString()} gives the path in the form {@link Violations} reports
 * (the same as {@link Violations#field}, {@link Violations#index} and {@link Violations#key} would
 * build step by step). Immutable; safe to share between threads.
 */
public final class ValuePath {
  private static final byte KIND_ROOT = 0;
  private static final byte KIND_FIELD = 1;
  private static final byte KIND_KEY = 2;
  private static final byte KIND_INDEX = 3;

  /** The top of the input: the empty path. */
  public static final ValuePath ROOT = new ValuePath(null, KIND_ROOT, "", 0);

  private final ValuePath parent;
  private final byte kind;
  private final String name;
  private final int index;
  private final int depth;
  // Spelled out on first use; a race only builds an equal string twice.
  private String text;

  private ValuePath(ValuePath parent, byte kind, String name, int index) {
    this.parent = parent;
    this.kind = kind;
    this.name = name;
    this.index = index;
    this.depth = parent == null ? 0 : parent.depth + 1;
    if (kind == KIND_ROOT) {
      this.text = name;
    }
  }

  /** A top whose path is {@code text} as given ({@link #ROOT} when it is empty). */
  public static ValuePath of(String text) {
    return text.isEmpty() ? ROOT : new ValuePath(null, KIND_ROOT, text, 0);
  }

  /** The path of component {@code name} of the object here. */
  public ValuePath field(String name) {
    return new ValuePath(this, KIND_FIELD, name, 0);
  }

  /** The path of element {@code index} of the array here. */
  public ValuePath index(int index) {
    return new ValuePath(this, KIND_INDEX, null, index);
  }

  /** The path of entry {@code key} of the map here: dotted when the key is a plain name. */
  public ValuePath key(String key) {
    return new ValuePath(this, KIND_KEY, key, 0);
  }

  /** The path spelled out, e.g. {@code items[3].name}; empty at the top. */
  @Override
  public String toString() {
    String spelled = text;
    if (spelled == null) {
      spelled = spell();
      text = spelled;
    }
    return spelled;
  }

  // Without recursion (inputs nest up to Readers.MAX_DEPTH levels), from the nearest node already
  // spelled out down to this one. One step below a spelled node (a field of the top, or of a record
  // whose path a sibling's violation spelled) is built by the string helpers at its exact size.
  private String spell() {
    if (parent.text != null) {
      return switch (kind) {
        case KIND_FIELD -> Violations.field(parent.text, name);
        case KIND_KEY -> Violations.key(parent.text, name);
        default -> Violations.index(parent.text, index);
      };
    }
    ValuePath[] chain = new ValuePath[depth];
    int count = 0;
    int length = 0;
    ValuePath top = this;
    while (top.text == null) {
      chain[count++] = top;
      length += top.kind == KIND_INDEX ? 12 : top.name.length() + 5;
      top = top.parent;
    }
    StringBuilder out = new StringBuilder(top.text.length() + length).append(top.text);
    for (int i = count - 1; i >= 0; i--) {
      ValuePath node = chain[i];
      switch (node.kind) {
        case KIND_FIELD -> Violations.appendField(out, node.name);
        case KIND_KEY -> Violations.appendKey(out, node.name);
        default -> Violations.appendIndex(out, node.index);
      }
    }
    return out.toString();
  }

  /** Equal when both spell out the same path. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ValuePath path && toString().equals(path.toString());
  }

  /** The hash of the spelled-out path. */
  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
