package org.qingfeng.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs application code that must see the engine's data whoever is logged in — looking up a person's name for a
 * document, keeping the per-instance authorizations in step — with the engine's authorization checks off for
 * that one command. Callers decide first what the person may see; this is never a way around that decision.
 */
@Component
public class WithoutAuthorization {

    private final ProcessEngineConfigurationImpl configuration;

    public WithoutAuthorization(ProcessEngineConfiguration configuration) {
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    public <T> T call(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired()
                .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
