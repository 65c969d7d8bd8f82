package org.qingfeng.intake;

import java.util.List;
import org.qingfeng.engine.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The intake API's error answers: {@code {status, message, errors: [{field, message}]}}, messages in Chinese; the rest of /api answers through ApiErrors. */
@RestControllerAdvice(assignableTypes = {PublicIntakeController.class, StaffIntakeController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IntakeErrors {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeErrors.class);

    /** The error body. */
    public record Body(int status, String message, List<IntakeRejection.FieldProblem> errors) {
    }

    static Body body(IntakeRejection rejection) {
        return new Body(rejection.status().value(), rejection.getMessage(), rejection.problems());
    }

    static ResponseEntity<Body> answer(IntakeRejection rejection) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(rejection.status());
        if (rejection.retryAfterSeconds() != null) {
            builder.header("Retry-After", rejection.retryAfterSeconds().toString());
        }
        return builder.body(body(rejection));
    }

    @ExceptionHandler(IntakeRejection.class)
    ResponseEntity<Body> rejected(IntakeRejection e) {
        return answer(e);
    }

    /** A rule of the report form (processes' start form) that the intake's own checks did not catch first. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Body> invalid(InvalidInputException e) {
        return answer(IntakeRejection.of(HttpStatus.BAD_REQUEST, e.field(), e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Body> tooLarge(MaxUploadSizeExceededException e) {
        return answer(IntakeUploadLimit.rejection());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<Body> unreadable(Exception e) {
        return answer(IntakeRejection.of(HttpStatus.BAD_REQUEST, "report", "请求内容无法识别，请按要求填写反映内容"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Body> missingHeader(MissingRequestHeaderException e) {
        if ("X-Query-Code".equalsIgnoreCase(e.getHeaderName())) {
            return answer(IntakeRejection.notFound());
        }
        return answer(IntakeRejection.of(HttpStatus.BAD_REQUEST, e.getHeaderName(), "缺少请求头 " + e.getHeaderName()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Body> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(IntakeRejection.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "不支持的请求格式，请使用 JSON 或 multipart/form-data"));
    }

    /** The engine refused the caller the start of a problem: missing rights are 403, not a failure of the system. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Body> forbidden(AuthorizationException e) {
        return answer(IntakeRejection.of(HttpStatus.FORBIDDEN, null, "您没有登记反映的权限"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Body> unexpected(Exception e) {
        // the exception names the failure, never the reporter: contact data only exists sealed below the controller
        LOG.error("intake request failed: {}", e.getClass().getName(), e);
        return answer(IntakeRejection.of(HttpStatus.INTERNAL_SERVER_ERROR, null, "系统繁忙，请稍后再试"));
    }
}
