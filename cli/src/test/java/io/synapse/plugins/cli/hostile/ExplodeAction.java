package io.synapse.plugins.cli.hostile;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.ArrayList;
import java.util.List;

/** Fails as {@code kind} says, quoting its secret where the failure has a message. */
@PluginAction(name = "explode", method = RunMethod.TASK)
public final class ExplodeAction extends BaseAction<LeakParams, LeakResult> {
  @Override
  public LeakResult execute() throws Exception {
    String token = params().token();
    switch (params().kind()) {
      case "stack_overflow" -> throw new StackOverflowError("too deep for " + token);
      case "real_stack_overflow" -> recurse(token.length());
      case "out_of_memory" -> throw new OutOfMemoryError("no room for " + token);
      case "real_out_of_memory" -> allocate();
      case "internal_error" -> throw new InternalError("broken by " + token);
      case "background_out_of_memory" -> {
        inBackground(() -> {
          throw new OutOfMemoryError("background ran out with " + token);
        });
        Thread.sleep(60_000); // the command line ends the process before this returns
      }
      case "background_exception" -> inBackground(() -> {
        throw new IllegalStateException("background failed with " + token);
      });
      default -> throw new IllegalArgumentException("unknown kind " + params().kind() + " with " + token);
    }
    return new LeakResult("done", "survived");
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  private static void allocate() {
    List<long[]> hog = new ArrayList<>();
    while (true) {
      hog.add(new long[1 << 20]);
    }
  }

  private static void inBackground(Runnable work) throws InterruptedException {
    Thread thread = new Thread(work, "hostile-background");
    thread.start();
    thread.join();
  }
}
