package org.qingfeng.engine;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps exceptions thrown by task listeners in a generic ProcessEngineException, which the REST API
 * answers with 500. This interceptor, outside the transaction, hands the caller the {@link InvalidInputException}
 * itself, so a rule broken by input surfaces as the 400 it is, with its message.
 */
public class UnwrapInvalidInputInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    throw invalid;
                }
            }
            throw e;
        }
    }
}
