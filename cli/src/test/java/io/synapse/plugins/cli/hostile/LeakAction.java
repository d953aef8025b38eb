package io.synapse.plugins.cli.hostile;

import io.synapse.plugins.RunMethod;
import io.synapse.plugins.PluginAction;
import io.synapse.plugins.action.BaseAction;
import java.util.Map;

/** Prints its secret every way an action can and returns it in its result. */
@PluginAction(name = "leak", method = RunMethod.TASK)
public final class LeakAction extends BaseAction<LeakParams, LeakResult> {
  @Override
  public LeakResult execute() {
    String token = params().token();
    System.out.println("stdout line with " + token);
    System.out.print("stdout split " + token.substring(0, token.length() / 2));
    System.out.flush();
    System.out.println(token.substring(token.length() / 2) + " end");
    System.err.println("stderr line with " + token);
    System.out.write(("raw bytes with " + token + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 16 + token.length());
    System.out.flush();
    log("leaking", Map.of("token", token, "env", ctx().env().getStr("SERVICE_TOKEN", "none")));
    ctx().logMessage("message with " + token + " and " + ctx().env().getStr("SERVICE_TOKEN", "none"));
    new Exception("a stack trace printed with " + token).printStackTrace();
    return new LeakResult("done", "seen " + token);
  }
}
