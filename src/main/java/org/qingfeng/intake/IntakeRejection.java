package org.qingfeng.intake;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A report or query the intake refuses, with the reasons shown to the person who sent it (in Chinese). */
public class IntakeRejection extends RuntimeException {

    /** One field's problem. */
    public record FieldProblem(String field, String message) {
    }

    private final HttpStatus status;
    private final transient List<FieldProblem> problems;
    private final Long retryAfterSeconds;

    public IntakeRejection(HttpStatus status, String message, List<FieldProblem> problems) {
        this(status, message, problems, null);
    }

    private IntakeRejection(HttpStatus status, String message, List<FieldProblem> problems, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static IntakeRejection of(HttpStatus status, String field, String message) {
        return new IntakeRejection(status, message, field == null ? List.of() : List.of(new FieldProblem(field, message)));
    }

    public static IntakeRejection tooManyRequests(long retryAfterSeconds) {
        return new IntakeRejection(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁，请" + retryAfterSeconds + "秒后再试",
                List.of(), retryAfterSeconds);
    }

    /** The same answer for an unknown tracking number and a wrong query code, so neither can be probed. */
    public static IntakeRejection notFound() {
        return new IntakeRejection(HttpStatus.NOT_FOUND, "未找到该反映，请核对受理编号和查询码", List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
