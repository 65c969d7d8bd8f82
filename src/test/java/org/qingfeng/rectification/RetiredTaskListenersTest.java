package org.qingfeng.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.qingfeng.ProcessTestSupport;

/** A process version deployed before the option lists moved to the forms still creates its tasks. */
class RetiredTaskListenersTest extends ProcessTestSupport {

    @Test
    void anEarlierVersionsOfferListenersStillResolveAndStoreNothing() {
        BpmnModelInstance earlier = Bpmn.createExecutableProcess("retiredListenersCheck")
                .startEvent()
                .userTask("offeringTask")
                .camundaTaskListenerDelegateExpression("create", "${offerDepartments}")
                .camundaTaskListenerDelegateExpression("create", "${offerDuplicates}")
                .endEvent()
                .done();
        Deployment deployment = engine.getRepositoryService().createDeployment()
                .addModelInstance("retired-listeners-check.bpmn", earlier).deploy();
        try {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("retiredListenersCheck");
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
            assertThat(engine.getTaskService().getVariables(task)).isEmpty();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }
}
