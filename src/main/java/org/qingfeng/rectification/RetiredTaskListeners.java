package org.qingfeng.rectification;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listener names that diagrams no longer use but process versions deployed before still call, so that their running
 * instances carry on. {@code offerDepartments} and {@code offerDuplicates} stored a form's option lists with the task
 * when it was created; forms now get them when opened ({@link DepartmentOptions}, {@link DuplicateCandidateOptions}),
 * for those versions' tasks as well, so here they do nothing.
 */
@Configuration
public class RetiredTaskListeners {

    @Bean
    TaskListener offerDepartments() {
        return task -> {
        };
    }

    @Bean
    TaskListener offerDuplicates() {
        return task -> {
        };
    }
}
