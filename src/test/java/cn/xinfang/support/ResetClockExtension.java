package cn.xinfang.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts the {@link TestClock} back to the system clock after every test, whatever the test pinned.
 */
public class ResetClockExtension implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    SpringExtension.getApplicationContext(context).getBean(TestClock.class).reset();
  }
}
