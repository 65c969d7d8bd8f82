package org.qingfeng.ledger.api;

import org.qingfeng.identity.Visibility;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 403 in the API's one error shape when someone asks for another department's data; before the catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class VisibilityErrors {

    @ExceptionHandler(Visibility.NotVisibleException.class)
    ResponseEntity<ApiError> forbidden(Visibility.NotVisibleException e) {
        HttpStatus status = HttpStatus.FORBIDDEN;
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), e.getMessage(), null));
    }
}
