package io.synapse.benchmarks;

import io.synapse.benchmarks.baseline.HandBinder;
import io.synapse.benchmarks.baseline.ReflectiveBinder;
import io.synapse.benchmarks.plugin.TrainParams;
import io.synapse.benchmarks.plugin.TrainParams_Binder;
import io.synapse.plugins.errors.ValidationError;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figures 1 and 2: binding and validating realistic params (in the wire format: snake_case keys) with
 * the generated binder against Jackson {@code convertValue} plus Hibernate Validator, for valid params
 * and for params with 14 violations, and against the floor: a binder written by hand for the same
 * record and rules ({@link HandBinder}); and, for information, valid params keyed by Java names.
 * The setup checks that both sides agree (equal records, the same number of violations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BindBenchmark {
  private Map<String, Object> valid;
  private Map<String, Object> validJavaNames;
  private Map<String, Object> invalid;

  /** Builds the inputs and checks that the two binders agree on them. */
  @Setup
  public void setUp() {
    valid = Fixtures.validTrain();
    validJavaNames = Fixtures.validTrainJavaNames();
    invalid = Fixtures.invalidTrain();
    TrainParams ours = TrainParams_Binder.INSTANCE.bind(valid);
    if (!ours.equals(TrainParams_Binder.INSTANCE.bind(validJavaNames))) {
      throw new IllegalStateException("Java names bind to other params than wire names");
    }
    TrainParams theirs = ReflectiveBinder.bind(valid, TrainParams.class);
    if (!ours.equals(theirs)) {
      throw new IllegalStateException("binders disagree:\n" + ours + "\n" + theirs);
    }
    if (!ours.equals(HandBinder.bind(valid))) {
      throw new IllegalStateException("the hand-written binder disagrees:\n" + ours + "\n" + HandBinder.bind(valid));
    }
    if (handInvalid() != Fixtures.INVALID_VIOLATIONS) {
      throw new IllegalStateException("hand-written binder: " + handInvalid() + " violations, expected " + Fixtures.INVALID_VIOLATIONS);
    }
    int oursCount = generatedInvalid();
    int theirsCount = reflectiveInvalid();
    if (oursCount != Fixtures.INVALID_VIOLATIONS || theirsCount != Fixtures.INVALID_VIOLATIONS) {
      throw new IllegalStateException("violation counts: generated " + oursCount + ", reflective " + theirsCount
          + ", expected " + Fixtures.INVALID_VIOLATIONS);
    }
  }

  /** The generated binder, valid params. */
  @Benchmark
  public TrainParams generatedValid() {
    return TrainParams_Binder.INSTANCE.bind(valid);
  }

  /** The generated binder, valid params keyed by Java names (each object's keys resolved to wire names first). */
  @Benchmark
  public TrainParams generatedValidJavaNames() {
    return TrainParams_Binder.INSTANCE.bind(validJavaNames);
  }

  /** The baseline, valid params. */
  @Benchmark
  public TrainParams reflectiveValid() {
    return ReflectiveBinder.bind(valid, TrainParams.class);
  }

  /** The floor: a binder written by hand for the same record and rules, valid params. */
  @Benchmark
  public TrainParams handValid() {
    return HandBinder.bind(valid);
  }

  /** The floor, invalid params: the number of violations it reports. */
  @Benchmark
  public int handInvalid() {
    try {
      HandBinder.bind(invalid);
      throw new IllegalStateException("invalid params bound");
    } catch (HandBinder.Invalid e) {
      return e.violations().size();
    }
  }

  /** The generated binder, invalid params: the number of violations it reports. */
  @Benchmark
  public int generatedInvalid() {
    try {
      TrainParams_Binder.INSTANCE.bind(invalid);
      throw new IllegalStateException("invalid params bound");
    } catch (ValidationError e) {
      return e.violations().size();
    }
  }

  /** The baseline, invalid params: the number of violations it reports. */
  @Benchmark
  public int reflectiveInvalid() {
    try {
      ReflectiveBinder.bind(invalid, TrainParams.class);
      throw new IllegalStateException("invalid params bound");
    } catch (ConstraintViolationException e) {
      return e.getConstraintViolations().size();
    }
  }
}
