package io.synapse.plugins.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.errors.StepError;
import io.synapse.plugins.events.EventType;
import io.synapse.plugins.events.RecordingSink;
import io.synapse.plugins.steps.Step;
import io.synapse.plugins.steps.StepContext;
import io.synapse.plugins.steps.StepRegistry;
import io.synapse.plugins.steps.StepResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepActionTest {

  record WordsParams(String text, boolean failUpload) {}

  /** The workflow's own state, shared by its steps. */
  static final class WordsContext extends StepContext {
    final List<String> words = new ArrayList<>();
    final List<String> uploaded = new ArrayList<>();
    final WordsParams params;

    WordsContext(RuntimeContext runtime, WordsParams params) {
      super(runtime);
      this.params = params;
    }
  }

  record WordCount(int words, List<String> uploaded) {}

  static final class CountWordsAction extends StepAction<WordsParams, WordsContext, WordCount> {
    @Override
    protected void registerSteps(StepRegistry<WordsContext> registry) {
      registry.register(step("split", 1, c -> c.words.addAll(List.of(c.params.text().split(" ")))));
      registry.register(step("upload", 3, c -> {
        if (c.params.failUpload()) {
          throw new IllegalStateException("upload refused");
        }
        c.uploaded.addAll(c.words);
      }));
    }

    @Override
    protected WordsContext createContext(RuntimeContext runtime) {
      return new WordsContext(runtime, params());
    }

    @Override
    protected WordCount result(WordsContext context) {
      return new WordCount(context.words.size(), context.uploaded);
    }
  }

  interface Work {
    void run(WordsContext context);
  }

  static Step<WordsContext> step(String name, double weight, Work work) {
    return new Step<>() {
      @Override public String name() { return name; }
      @Override public double progressWeight() { return weight; }
      @Override public StepResult execute(WordsContext context) {
        work.run(context);
        return StepResult.ok();
      }
      @Override public void rollback(WordsContext context, StepResult result) {
        context.words.clear();
      }
    };
  }

  private final RecordingSink sink = new RecordingSink();

  private CountWordsAction action(WordsParams params) {
    CountWordsAction action = new CountWordsAction();
    ActionAccess.initialize(action, params, RuntimeContext.builder("count_words").sink(sink).build());
    return action;
  }

  @Test
  void executeRunsTheStepsAndReturnsTheUsersOwnResult() throws Exception {
    WordCount result = action(new WordsParams("a b c", false)).execute();
    assertEquals(new WordCount(3, List.of("a", "b", "c")), result);
    List<Double> overall = sink.events(EventType.PROGRESS).stream()
        .filter(e -> e.category().equals("count_words")).map(e -> e.progress().percent()).toList();
    assertEquals(List.of(0.0, 25.0, 100.0), overall, "overall progress is in the action's category");
  }

  @Test
  void aFailingStepRaisesAStepErrorAfterRollingBack() {
    CountWordsAction action = action(new WordsParams("a b", true));
    StepError error = assertThrows(StepError.class, action::execute);
    assertEquals("upload", error.step());
    assertEquals("upload refused", error.getCause().getMessage());
    assertEquals(List.of("upload", "split"), error.details().get("rolled_back"));
  }
}
