package cn.xinfang.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The production profile ({@code prod}) starts only with an administrator given by the environment,
 * and never with a demo password. Checked before any bean exists, so that nothing (not the engine,
 * not the web server) starts with a guessable account; the failure is printed as Spring Boot's
 * "APPLICATION FAILED TO START" with what to set, and the JVM exits non-zero.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

  static final String PROFILE = "prod";
  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

  /** Shorter than this is refused: the administrator can change every authorization. */
  static final int MIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
      return;
    }
    String id = environment.getProperty(ADMIN_ID, "").strip();
    String password = environment.getProperty(ADMIN_PASSWORD, "");
    if (id.isEmpty() || password.isBlank()) {
      throw new Refused(
          "生产环境（prod）未设置管理员账号：环境变量 CAMUNDA_BPM_ADMINUSER_ID 和 "
              + "CAMUNDA_BPM_ADMINUSER_PASSWORD 必须都有值（production profile needs CAMUNDA_BPM_ADMINUSER_ID and "
              + "CAMUNDA_BPM_ADMINUSER_PASSWORD）");
    }
    if (password.equals(DemoAccounts.DEMO_PASSWORD) || password.length() < MIN_PASSWORD_LENGTH) {
      throw new Refused(
          "生产环境（prod）的管理员密码 CAMUNDA_BPM_ADMINUSER_PASSWORD 不能是演示密码，且至少 "
              + MIN_PASSWORD_LENGTH
              + " 个字符（the administrator password must not be the demo password and needs at least "
              + MIN_PASSWORD_LENGTH
              + " characters）");
    }
  }

  /** The production profile was started without what it needs. */
  static class Refused extends IllegalStateException {

    Refused(String message) {
      super(message);
    }
  }

  /** Prints the refusal as a start-up failure with the action to take, instead of a stack trace. */
  static class Analyzer extends AbstractFailureAnalyzer<Refused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Refused cause) {
      return new FailureAnalysis(
          cause.getMessage(),
          "设置环境变量后重新启动，例如 CAMUNDA_BPM_ADMINUSER_ID=admin CAMUNDA_BPM_ADMINUSER_PASSWORD=<至少 "
              + MIN_PASSWORD_LENGTH
              + " 位的强密码>；密码只在环境中保存，不写入配置文件。",
          cause);
    }
  }
}
