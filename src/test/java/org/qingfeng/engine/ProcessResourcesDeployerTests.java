package org.qingfeng.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

class ProcessResourcesDeployerTests extends ProcessTestSupport {

    @Autowired
    RepositoryService repository;

    @Test
    void everyFileInProcessesAndFormsIsDeployedUnderItsFolderName() {
        String deploymentId = repository.createDeploymentQuery().deploymentName(ProcessResourcesDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0).getId();
        String[] expected = Arrays.stream(new String[] {"processes", "forms"})
                .flatMap(dir -> Arrays.stream(new File(dir).list()).map(f -> dir + "/" + f))
                .toArray(String[]::new);

        assertThat(repository.getDeploymentResourceNames(deploymentId)).containsExactlyInAnyOrder(expected);
        // .form files become form definitions that formRef can bind to
        int forms = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> context.getCamundaFormDefinitionManager().findDefinitionsByDeploymentId(deploymentId).size());
        assertThat(forms).isEqualTo(new File("forms").list().length);
    }

    @Test
    void deployingUnchangedResourcesAgainCreatesNoNewVersion() {
        long deployments = repository.createDeploymentQuery().count();
        long definitions = repository.createProcessDefinitionQuery().count();

        new ProcessResourcesDeployer(repository);

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    }
}
