package org.qingfeng.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that breaks a rule of the process. It extends the engine's form validation error so that the REST API
 * answers 400 and the whole step, including the task completion, is rolled back.
 */
public class InvalidInputException extends FormFieldValidationException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
