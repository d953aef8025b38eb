package io.synapse.plugins.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rollback and progress rules, checked over random workflows and random step outcomes. */
class OrchestratorPropertiesTest {

  enum Outcome { OK, SKIP, FAIL_RESULT, THROW_EXCEPTION, THROW_ERROR, THROW_VM_ERROR, INTERRUPT }

  record Report(long current, long total) {}

  record Spec(double weight, Outcome outcome, boolean rollbackThrows, List<Report> reports) {}

  @Provide
  Arbitrary<List<Spec>> workflows() {
    Arbitrary<Outcome> outcomes = Arbitraries.frequency(
        net.jqwik.api.Tuple.of(6, Outcome.OK), net.jqwik.api.Tuple.of(2, Outcome.SKIP),
        net.jqwik.api.Tuple.of(1, Outcome.FAIL_RESULT), net.jqwik.api.Tuple.of(1, Outcome.THROW_EXCEPTION),
        net.jqwik.api.Tuple.of(1, Outcome.THROW_ERROR), net.jqwik.api.Tuple.of(1, Outcome.THROW_VM_ERROR),
        net.jqwik.api.Tuple.of(1, Outcome.INTERRUPT));
    Arbitrary<Report> reports = Combinators.combine(Arbitraries.longs().between(-5, 120), Arbitraries.longs().between(-1, 100))
        .as(Report::new);
    Arbitrary<Spec> specs = Combinators.combine(
            Arbitraries.doubles().between(0.01, 50), outcomes, Arbitraries.of(true, false), reports.list().ofMaxSize(6))
        .as(Spec::new);
    return specs.list().ofMinSize(0).ofMaxSize(8);
  }

  // Edge cases (empty workflow, extreme weights) first, then at least a thousand random workflows.
  @Property(tries = 1500, edgeCases = EdgeCasesMode.FIRST)
  void rollbackAndProgressInvariantsHold(@ForAll("workflows") List<Spec> specs) {
    List<String> journal = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    List<Throwable> rollbackErrors = new ArrayList<>();
    StepRegistry<StepContext> registry = new StepRegistry<>();
    for (int i = 0; i < specs.size(); i++) {
      registry.register(step("s" + i, specs.get(i), journal, causes, rollbackErrors));
    }
    RecordingSink sink = new RecordingSink();
    StepContext context = new StepContext(RuntimeContext.builder("flow").sink(sink).build());

    int failing = firstFailure(specs);
    Throwable raised = null;
    try {
      new Orchestrator<>(registry).run(context);
    } catch (StepError | VirtualMachineError e) {
      raised = e;
    } catch (RuntimeException | Error e) {
      fail("unexpected " + e);
    }
    boolean interrupted = Thread.interrupted();

    List<Double> progress = sink.events(EventType.PROGRESS).stream()
        .filter(e -> e.category().equals("flow")).map(e -> e.progress().percent()).toList();
    assertEquals(0.0, progress.get(0), "starts at 0");
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) > progress.get(i - 1), "never goes down: " + progress);
    }
    assertTrue(progress.stream().allMatch(p -> p >= 0 && p <= 100), progress::toString);

    List<String> expected = new ArrayList<>();
    List<String> ran = new ArrayList<>();
    int last = failing < 0 ? specs.size() - 1 : failing;
    for (int i = 0; i <= last; i++) {
      if (specs.get(i).outcome() != Outcome.SKIP) {
        expected.add("run:s" + i);
        ran.add("s" + i);
      }
    }
    if (failing < 0) {
      assertEquals(null, raised);
      assertFalse(interrupted);
      assertEquals(100.0, progress.get(progress.size() - 1), "ends at exactly 100");
      assertEquals(expected, journal, "no rollback on success");
      return;
    }
    for (int i = ran.size() - 1; i >= 0; i--) {
      expected.add("undo:" + ran.get(i));
    }
    assertEquals(expected, journal, "every step that ran, rolled back once, in reverse, failing step first");
    Throwable cause = causes.get(causes.size() - 1);
    if (cause instanceof VirtualMachineError) {
      assertSame(cause, raised, "a VirtualMachineError is rethrown as is");
    } else {
      StepError stepError = assertInstanceOf(StepError.class, raised, "a failure raises a StepError");
      assertEquals("s" + failing, stepError.step());
      assertSame(cause, stepError.getCause(), "keeps the original cause");
    }
    assertEquals(rollbackErrors, List.of(raised.getSuppressed()), "every failed rollback is suppressed, in rollback order");
    assertEquals(specs.get(failing).outcome() == Outcome.INTERRUPT, interrupted, "interrupt flag restored");
    assertTrue(progress.stream().allMatch(p -> p < 100), "a failed run never reports 100%");
  }

  private static int firstFailure(List<Spec> specs) {
    for (int i = 0; i < specs.size(); i++) {
      Outcome outcome = specs.get(i).outcome();
      if (outcome != Outcome.OK && outcome != Outcome.SKIP) {
        return i;
      }
    }
    return -1;
  }

  private static Step<StepContext> step(String name, Spec spec, List<String> journal, List<Throwable> causes,
      List<Throwable> rollbackErrors) {
    return new Step<>() {
      @Override public String name() { return name; }
      @Override public double progressWeight() { return spec.weight(); }
      @Override public boolean canSkip(StepContext context) { return spec.outcome() == Outcome.SKIP; }

      @Override
      public StepResult execute(StepContext context) throws Exception {
        journal.add("run:" + name);
        for (Report report : spec.reports()) {
          context.setProgress(report.current(), report.total());
        }
        switch (spec.outcome()) {
          case FAIL_RESULT: {
            StepResult failure = StepResult.failure("failed " + name);
            causes.add(failure.error());
            return failure;
          }
          case THROW_EXCEPTION:
            throw record(new java.io.IOException("io " + name));
          case THROW_ERROR:
            throw record(new AssertionError("assert " + name));
          case THROW_VM_ERROR:
            throw record(new StackOverflowError("so " + name));
          case INTERRUPT:
            throw record(new InterruptedException("cancel " + name));
          default:
            return StepResult.ok();
        }
      }

      private <T extends Throwable> T record(T error) {
        causes.add(error);
        return error;
      }

      @Override
      public void rollback(StepContext context, StepResult result) {
        journal.add("undo:" + name);
        if (spec.rollbackThrows()) {
          IllegalStateException error = new IllegalStateException("undo " + name);
          rollbackErrors.add(error);
          throw error;
        }
      }
    };
  }
}
