package org.qingfeng.ledger.api;

import java.util.NoSuchElementException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps failures inside the handlers of Qingfeng's own API (ledger, calendar, supervision, bulletins) to
 * {@link ApiError}, so clients handle one shape. Requests that
 * never reach a handler (unknown path, wrong method) still get Spring's default error body.
 */
@RestControllerAdvice(basePackages = "org.qingfeng")
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ApiError> badParameter(BadParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound(NoSuchElementException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    /** Someone else changed the same data at the same moment: the caller reloads and tries again. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> conflict(OptimisticLockingException e) {
        return error(HttpStatus.CONFLICT, "数据已被他人同时修改，请刷新后重试", null);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> forbidden(AuthorizationException e) {
        return error(HttpStatus.FORBIDDEN, "没有权限执行此操作", null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> engineNotFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ApiError> badRequest(BadUserRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        LOG.error("ledger API failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the server log", null);
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message, String parameter) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message, parameter));
    }
}
