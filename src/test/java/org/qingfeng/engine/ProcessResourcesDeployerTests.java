package org.qingfeng.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void aTableEditedOutsideTheBuildIsPutInServiceByARestart(@TempDir Path operatorFolder) throws Exception {
        // the operator copies an edited review-threshold table into qingfeng.resources.dir: the bureau now needs 98 %
        Files.createDirectories(operatorFolder.resolve("processes"));
        String table = Files.readString(Path.of("processes/review-threshold.dmn"));
        Files.writeString(operatorFolder.resolve("processes/review-threshold.dmn"),
                table.replace("<outputEntry id=\"bureauRuleOut0\"><text>0.95</text>", "<outputEntry id=\"bureauRuleOut0\"><text>0.98</text>"));
        // the latest deployment is the one with the latest time: later than the one made at start-up, in real time
        moveClockTo(new Date(System.currentTimeMillis() + 60_000));
        try {
            String deploymentId = new ProcessResourcesDeployer(repository, operatorFolder.toString()).deploymentId();

            assertThat(threshold()).isEqualTo(0.98);
            // one deployment, as always: the processes bound to it use the edited table
            assertThat(repository.createDecisionDefinitionQuery().deploymentId(deploymentId)
                    .decisionDefinitionKey("reviewThreshold").count()).isOne();
            assertThat(repository.createProcessDefinitionQuery().deploymentId(deploymentId).count())
                    .isEqualTo(Arrays.stream(new File("processes").list()).filter(f -> f.endsWith(".bpmn")).count());
        } finally {
            // back to the packaged resources for the tests that follow
            moveClockTo(new Date(System.currentTimeMillis() + 120_000));
            new ProcessResourcesDeployer(repository);
        }
        assertThat(threshold()).isEqualTo(0.95);
    }

    @Test
    void everyUserTaskTellsItsAssigneeWhatToDo() {
        String deploymentId = repository.createDeploymentQuery().deploymentName(ProcessResourcesDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0).getId();
        for (var definition : repository.createProcessDefinitionQuery().deploymentId(deploymentId).list()) {
            for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                assertThat(task.getDocumentations()).as("description of %s in %s", task.getId(), definition.getKey())
                        .singleElement().satisfies(d -> assertThat(d.getTextContent()).hasSizeGreaterThan(10));
            }
        }
        // Tasklist shows it as the task's description
        ProcessInstance problem = report("staff", "窗口工作人员上班时间玩手机");
        assertThat(openTask(problem, "registerProblemUserTask").getDescription()).startsWith("核实问题线索");
    }

    private double threshold() {
        return engine.getDecisionService().evaluateDecisionByKey("reviewThreshold")
                .variables(Map.of("organisationType", "bureau", "departmentId", "canteen"))
                .evaluate().getSingleResult().<Number>getSingleEntry().doubleValue();
    }
}
