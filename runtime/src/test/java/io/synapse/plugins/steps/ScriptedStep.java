package io.synapse.plugins.steps;

import java.util.List;
import java.util.function.Function;

/** A test step whose behaviour is given by lambdas and which writes what happens to a shared journal. */
final class ScriptedStep implements Step<StepContext> {
  interface Body {
    StepResult run(StepContext context) throws Exception;
  }

  interface Undo {
    void run(StepContext context, StepResult result) throws Exception;
  }

  private final String name;
  private final double weight;
  private final List<String> journal;
  private final Function<StepContext, Boolean> skip;
  private final Body body;
  private final Undo undo;

  ScriptedStep(String name, double weight, List<String> journal, Function<StepContext, Boolean> skip, Body body, Undo undo) {
    this.name = name;
    this.weight = weight;
    this.journal = journal;
    this.skip = skip;
    this.body = body;
    this.undo = undo;
  }

  static ScriptedStep ok(String name, List<String> journal) {
    return new ScriptedStep(name, 1, journal, c -> false, c -> StepResult.ok(), (c, r) -> { });
  }

  static ScriptedStep body(String name, List<String> journal, Body body) {
    return new ScriptedStep(name, 1, journal, c -> false, body, (c, r) -> { });
  }

  ScriptedStep weight(double newWeight) {
    return new ScriptedStep(name, newWeight, journal, skip, body, undo);
  }

  ScriptedStep skipping() {
    return new ScriptedStep(name, weight, journal, c -> true, body, undo);
  }

  ScriptedStep undo(Undo newUndo) {
    return new ScriptedStep(name, weight, journal, skip, body, newUndo);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double progressWeight() {
    return weight;
  }

  @Override
  public boolean canSkip(StepContext context) {
    return skip.apply(context);
  }

  @Override
  public StepResult execute(StepContext context) throws Exception {
    journal.add("run:" + name);
    return body.run(context);
  }

  @Override
  public void rollback(StepContext context, StepResult result) throws Exception {
    journal.add("undo:" + name);
    undo.run(context, result);
  }
}
