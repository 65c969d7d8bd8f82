package org.qingfeng.intake;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload beyond {@code spring.servlet.multipart}'s limits fails while the request is parsed, before any
 * controller is chosen, so only an advice for every handler sees it: 413 with the intake's error body, not a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IntakeUploadLimit {

    static IntakeRejection rejection() {
        return IntakeRejection.of(HttpStatus.PAYLOAD_TOO_LARGE, "attachments", "上传内容过大，请减少或压缩附件后重试");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<IntakeErrors.Body> tooLarge(MaxUploadSizeExceededException e) {
        return IntakeErrors.answer(rejection());
    }
}
