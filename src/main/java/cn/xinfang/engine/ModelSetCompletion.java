package cn.xinfang.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployments from Camunda Modeler never leave a process that fails at run time. The petition
 * process looks up its decision tables and forms in its own deployment ({@code decisionRefBinding}
 * and {@code formRefBinding} "deployment"), so that a running case keeps the models it started
 * with; a designer, though, deploys the one file they changed. Before such a deployment runs, it is
 * completed with every model of the process's latest deployment that it does not bring itself, as
 * one new deployment:
 *
 * <ul>
 *   <li>a BPMN alone gets the decision tables and forms it had, and its new version works;
 *   <li>a decision table or a form alone gets the process and the rest, so a new version of the
 *       process uses it: new cases route by the new table, running cases keep theirs;
 *   <li>the whole set is deployed as it is.
 * </ul>
 *
 * Whatever is deployed is then checked: a decision table or form a process looks up and no model of
 * the deployment defines, or a delegate expression naming no service of the application, refuses
 * the deployment with a Chinese message naming it; nothing is deployed. The application's own
 * start-up deployment ({@link ModelDeployer}) is complete and passes as it is.
 */
final class ModelSetCompletion extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(ModelSetCompletion.class);

  private final ProcessEngineConfigurationImpl engine;
  private final Predicate<String> beanExists;

  ModelSetCompletion(ProcessEngineConfigurationImpl engine, Predicate<String> beanExists) {
    this.engine = engine;
    this.beanExists = beanExists;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof DeployCmd deploy && Context.getCommandContext() == null) {
      complete((DeploymentBuilderImpl) CommandFields.read(deploy, "deploymentBuilder"));
    }
    return next.execute(command);
  }

  private void complete(DeploymentBuilderImpl builder) {
    if (ModelDeployer.SOURCE.equals(builder.getDeployment().getSource())) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    builder
        .getDeployment()
        .getResources()
        .forEach((name, r) -> resources.put(name, ((ResourceEntity) r).getBytes()));
    Set<String> incoming;
    try {
      incoming = ModelSet.of(resources).keys();
    } catch (RuntimeException unreadable) {
      // a model that does not parse: the engine refuses it with its own message, naming the line
      return;
    }
    Map<String, byte[]> latest = latestSet();
    ModelSet before = ModelSet.of(latest);
    List<String> added = new ArrayList<>();
    if (!Collections.disjoint(incoming, before.keys())) {
      latest.forEach(
          (name, bytes) -> {
            Set<String> keys = before.keysOf(name);
            if (!keys.isEmpty()
                && Collections.disjoint(keys, incoming)
                && !resources.containsKey(name)) {
              builder.addInputStream(name, new ByteArrayInputStream(bytes));
              resources.put(name, bytes);
              added.add(name);
            }
          });
    }
    if (!added.isEmpty()) {
      // the set is deployed whole, as new versions together, even where a resource equals its last
      // version
      CommandFields.write(builder, "isDuplicateFilterEnabled", false);
      CommandFields.write(builder, "deployChangedOnly", false);
      LOG.info(
          "deployment {} completed with the models of the process's last deployment: {}",
          builder.getDeployment().getName(),
          added);
    }
    refuseIfBroken(ModelSet.of(resources));
  }

  private void refuseIfBroken(ModelSet set) {
    Set<String> missing = set.missing();
    if (!missing.isEmpty()) {
      throw new BadUserRequestException(
          "部署被拒绝：流程在本部署中查找的" + String.join("、", missing) + "不存在，本次部署及此前的模型中都没有它。请一并部署它，或改正流程中的引用。");
    }
    List<String> unknown =
        set.beans().stream().filter(beanExists.negate()).map(b -> "${" + b + "}").toList();
    if (!unknown.isEmpty()) {
      throw new BadUserRequestException(
          "部署被拒绝：委托表达式 " + String.join("、", unknown) + " 所指的服务在本系统中不存在（可用的服务见 docs/process.md）。");
    }
  }

  /**
   * The resources of the deployment the petition process's latest version came from; none before
   * the first.
   */
  private Map<String, byte[]> latestSet() {
    RepositoryService repository = engine.getRepositoryService();
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .latestVersion()
            .singleResult();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    if (latest != null) {
      repository
          .getDeploymentResources(latest.getDeploymentId())
          .forEach(r -> resources.put(r.getName(), r.getBytes()));
    }
    return resources;
  }
}
