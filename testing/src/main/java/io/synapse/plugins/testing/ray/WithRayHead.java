package io.synapse.plugins.testing.ray;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the test run's local Ray head ({@link RayHeadExtension}): one head
 * for the whole run, started before the first such class and stopped after the last test; a {@link RayHead}
 * parameter receives its address and dashboard URL.
 *
 * <pre>{@code
 * @WithRayHead
 * class WordCountTaskTest {
 *   @Test void countsOnAPool(RayHead ray) {
 *     ActionRun<WordCount> run = ActionTester.of(WordCountAction.class).onTask(ray).run(Map.of("lines", List.of("a b a")));
 *     run.assertSucceeded().assertProgressCompleted();
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RayHeadExtension.class)
public @interface WithRayHead {

  /**
   * Whether the tests drive TASK runs from this JVM, which needs Ray's Java runtime ({@code ray_dist.jar})
   * on the test class path: when it is missing, the tests fail saying how to add it. JOB-only tests talk
   * HTTP to the dashboard and can say {@code false}.
   */
  boolean driver() default true;
}
