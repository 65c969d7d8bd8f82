package org.qingfeng.calendar;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.qingfeng.ledger.api.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The calendar API's own failures, in the API's one error shape; everything else is answered by the shared advice.
 * Ordered first so that these are not taken for unexpected errors.
 */
@RestControllerAdvice(assignableTypes = CalendarController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarApiErrors {

    @ExceptionHandler(CalendarEditors.NotAnEditorException.class)
    ResponseEntity<ApiError> notAnEditor(CalendarEditors.NotAnEditorException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "请求体不是所需的 JSON（日期为 \"yyyy-MM-dd\" 字符串，working 为 true 或 false）");
    }

    /** A problem was being worked on while its deadline was counted again; nothing was changed. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingException e) {
        return error(HttpStatus.CONFLICT, "调整日历时有流程正在办理，未做任何修改，请重试");
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, null));
    }
}
