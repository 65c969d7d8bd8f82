package org.qingfeng.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ and forms/ (packaged under those folder names) as one deployment with stable resource names.
 * Duplicate filtering makes a restart without changes a no-op; any change redeploys all of them together, so
 * {@code formRefBinding="deployment"} always finds the forms that belong to a process version. The engine's
 * deployment lock serialises this when several nodes start at once.
 */
@Component
public class ProcessResourcesDeployer {

    public static final String DEPLOYMENT_NAME = "qingfeng";
    private static final String[] PATTERNS = {"processes/*.bpmn", "processes/*.dmn", "forms/*.form"};
    private static final Logger LOG = LoggerFactory.getLogger(ProcessResourcesDeployer.class);

    private final DeploymentWithDefinitions deployment;

    public ProcessResourcesDeployer(RepositoryService repositoryService) {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("qingfeng")
                // filter duplicates, but redeploy every resource when any one changed
                .enableDuplicateFiltering(false);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        int count = 0;
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    String folder = pattern.substring(0, pattern.indexOf('/'));
                    try (InputStream in = resource.getInputStream()) {
                        builder.addInputStream(folder + "/" + resource.getFilename(), in);
                    }
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read process resources", e);
        }
        if (count == 0) {
            throw new IllegalStateException("no processes or forms found on the classpath");
        }
        deployment = builder.deployWithResult();
        LOG.info("process resources deployed deployment={} resources={}", deployment.getId(), count);
    }

    public String deploymentId() {
        return deployment.getId();
    }
}
