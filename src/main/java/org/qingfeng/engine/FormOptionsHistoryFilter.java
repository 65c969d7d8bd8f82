package org.qingfeng.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps the option lists that listeners hand to a task's form (the departments to choose from, the duplicate
 * candidates of a report) out of the history tables. They are copies of ledger data made for one form, stored as JSON;
 * with history at level full each one cost six rows (variable, instance and detail, each with its byte array) on
 * every task that shows them. What a user chose from them is a variable of its own and is kept, and the ledger's
 * audit trail records every decision. All other history events pass to the engine's database handler unchanged.
 */
public class FormOptionsHistoryFilter implements HistoryEventHandler {

    private final HistoryEventHandler database;
    private final Set<String> optionVariables;

    public FormOptionsHistoryFilter(HistoryEventHandler database, Set<String> optionVariables) {
        this.database = database;
        this.optionVariables = optionVariables;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isFormOption(event)) {
            database.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        for (HistoryEvent event : events) {
            handleEvent(event);
        }
    }

    private boolean isFormOption(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                && optionVariables.contains(variable.getVariableName());
    }
}
