package cn.xinfang.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/, dmn/ and forms/ from the classpath at start-up, before the web server opens.
 * Resource names are the same ("processes/petition.bpmn") whether the models come from a jar or a
 * folder, so duplicate filtering works everywhere: unchanged models make no new version. When one
 * model changed, all are deployed together, because forms are bound with
 * formRefBinding="deployment". A designer's deployment from Camunda Modeler (another deployment
 * name) is never overwritten.
 */
@Component
class ModelDeployer implements SmartInitializingSingleton {

  static final String DEPLOYMENT_NAME = "xinfang-models";

  /** the deployment source of the application's own, complete deployments */
  static final String SOURCE = "xinfang-platform";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final List<String> PATTERNS =
      List.of("processes/*.bpmn", "dmn/*.dmn", "forms/*.form");

  private final RepositoryService repositoryService;

  ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(SOURCE)
            .enableDuplicateFiltering(false);
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (String pattern : PATTERNS) {
        String folder = pattern.substring(0, pattern.indexOf('/'));
        for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
          builder.addInputStream(folder + "/" + resource.getFilename(), resource.getInputStream());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the models from the classpath", e);
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    boolean changed =
        deployment.getDeployedProcessDefinitions() != null
            || deployment.getDeployedDecisionDefinitions() != null;
    LOG.info(
        "models: {} resources, deployment {} ({})",
        builder.getResourceNames().size(),
        deployment.getId(),
        changed ? "new versions" : "unchanged");
  }
}
