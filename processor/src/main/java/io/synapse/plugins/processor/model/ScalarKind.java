package io.synapse.plugins.processor.model;

/** The scalar types params components may have, with their boxed Java type and runtime reader constant. */
public enum ScalarKind {
  STRING("java.lang.String", "STRING", Family.TEXT),
  BOOLEAN("java.lang.Boolean", "BOOLEAN", Family.BOOLEAN),
  INT("java.lang.Integer", "INT", Family.INTEGRAL),
  LONG("java.lang.Long", "LONG", Family.INTEGRAL),
  SHORT("java.lang.Short", "SHORT", Family.INTEGRAL),
  BYTE("java.lang.Byte", "BYTE", Family.INTEGRAL),
  DOUBLE("java.lang.Double", "DOUBLE", Family.DECIMAL),
  FLOAT("java.lang.Float", "FLOAT", Family.DECIMAL),
  BIG_DECIMAL("java.math.BigDecimal", "BIG_DECIMAL", Family.DECIMAL),
  BIG_INTEGER("java.math.BigInteger", "BIG_INTEGER", Family.INTEGRAL),
  PATH("java.nio.file.Path", "PATH", Family.TEXT),
  URI("java.net.URI", "URI", Family.TEXT),
  DURATION("java.time.Duration", "DURATION", Family.TEXT),
  INSTANT("java.time.Instant", "INSTANT", Family.TEXT),
  LOCAL_DATE("java.time.LocalDate", "LOCAL_DATE", Family.TEXT),
  ANY("java.lang.Object", "ANY", Family.ANY);

  /** How a kind's values look in JSON. */
  public enum Family { TEXT, BOOLEAN, INTEGRAL, DECIMAL, ANY }

  private final String qualifiedName;
  private final String readerConstant;
  private final Family family;

  ScalarKind(String qualifiedName, String readerConstant, Family family) {
    this.qualifiedName = qualifiedName;
    this.readerConstant = readerConstant;
    this.family = family;
  }

  /** The boxed type's qualified name. */
  public String qualifiedName() {
    return qualifiedName;
  }

  /** The {@code Readers} constant reading it. */
  public String readerConstant() {
    return readerConstant;
  }

  /** How its values look in JSON. */
  public Family family() {
    return family;
  }

  /** Whether it is a number type. */
  public boolean isNumber() {
    return family == Family.INTEGRAL || family == Family.DECIMAL;
  }

  /** The kind of a boxed or scalar class, or null. */
  public static ScalarKind ofQualifiedName(String name) {
    for (ScalarKind kind : values()) {
      if (kind.qualifiedName.equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
