package org.qingfeng.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

    /** Deploys the packaged resources only. */
    public ProcessResourcesDeployer(RepositoryService repositoryService) {
        this(repositoryService, "");
    }

    /**
     * @param overrides a folder holding {@code processes/} and {@code forms/} whose files replace the packaged ones
     *                  of the same name, or are added to them ({@code qingfeng.resources.dir}); empty for none. This is
     *                  how an operator puts a table or diagram edited in the Modeler into service without a rebuild.
     */
    @Autowired
    public ProcessResourcesDeployer(RepositoryService repositoryService,
                                    @Value("${qingfeng.resources.dir:}") String overrides) {
        Map<String, byte[]> resources = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : PATTERNS) {
                String folder = pattern.substring(0, pattern.indexOf('/'));
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    resources.put(folder + "/" + resource.getFilename(), resource.getContentAsByteArray());
                }
                if (!overrides.isBlank()) {
                    for (Resource resource : resolver.getResources("file:" + Path.of(overrides).toAbsolutePath() + "/" + pattern)) {
                        LOG.info("process resource replaced from {}: {}", overrides, folder + "/" + resource.getFilename());
                        resources.put(folder + "/" + resource.getFilename(), resource.getContentAsByteArray());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read process resources", e);
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException("no processes or forms found on the classpath");
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("qingfeng")
                // filter duplicates, but redeploy every resource when any one changed
                .enableDuplicateFiltering(false);
        resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        deployment = builder.deployWithResult();
        LOG.info("process resources deployed deployment={} resources={}", deployment.getId(), resources.size());
    }

    public String deploymentId() {
        return deployment.getId();
    }
}
