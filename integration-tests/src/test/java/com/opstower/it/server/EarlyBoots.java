package com.opstower.it.server;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Launches the servers of the {@link BootsEarly} classes in the test plan when the run's first test
 * starts, and stops whatever is left when the run ends (registered through {@code
 * META-INF/services}). A plain {@code mvn verify} on 2 cores spent about 20 s waiting for
 * SignInSecurityIT's own boot; launched early, that boot runs while the shared server's tests do.
 */
public final class EarlyBoots implements TestExecutionListener {

  private final Set<Class<?>> started = new LinkedHashSet<>();

  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    this.plan = plan;
  }

  /**
   * At the first test: by then the first class has booted the shared server, so the two boots do
   * not compete for the cores (measured: launched at the very start, each boot took twice as long
   * and little was won); the tests that follow mostly wait on sockets and leave room.
   */
  @Override
  public void executionStarted(TestIdentifier identifier) {
    if (plan == null || !identifier.isTest() || !started.isEmpty()) {
      return;
    }
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier test : plan.getDescendants(root)) {
        test.getSource().flatMap(EarlyBoots::bootingClass).ifPresent(this::boot);
      }
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    started.forEach(type -> call(type, "stop"));
  }

  private static Optional<Class<?>> bootingClass(TestSource source) {
    if (source instanceof ClassSource type
        && type.getJavaClass().isAnnotationPresent(BootsEarly.class)) {
      return Optional.of(type.getJavaClass());
    }
    return Optional.empty();
  }

  private void boot(Class<?> type) {
    if (started.add(type)) {
      call(type, "bootEarly");
    }
  }

  private static void call(Class<?> type, String name) {
    try {
      Method method = type.getDeclaredMethod(name);
      method.setAccessible(true);
      method.invoke(null);
    } catch (ReflectiveOperationException failed) {
      // the class then boots its server itself when it runs, as without this listener
      System.err.println("EarlyBoots: " + type.getSimpleName() + "." + name + ": " + failed);
    }
  }
}
