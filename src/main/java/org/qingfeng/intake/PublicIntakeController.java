package org.qingfeng.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.qingfeng.identity.Departments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The public intake API (网上投诉平台): no login. Reports come in as multipart; the tracking number and the query
 * code follow a report and its rating. Nothing about the client (address, agent) is stored.
 */
@RestController
@RequestMapping("/public/api")
public class PublicIntakeController {

    static final String QUERY_CODE = "X-Query-Code";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Intake intake;
    private final PublicStatus status;
    private final Departments departments;
    private final IntakeSettings settings;
    private final ObjectMapper json;

    public PublicIntakeController(Intake intake, PublicStatus status, Departments departments, IntakeSettings settings,
            ObjectMapper json) {
        this.intake = intake;
        this.status = status;
        this.departments = departments;
        this.settings = settings;
        this.json = json;
    }

    /** The JSON part {@code report}. */
    public record PublicReport(String description, String place, String departmentId, Boolean anonymous, Contact contact) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ReportReceipt(String trackingNumber, String queryCode, OffsetDateTime receivedAt, LocalDate replyDueBy) {
        static ReportReceipt of(Intake.Receipt receipt) {
            return new ReportReceipt(receipt.trackingNumber(), receipt.queryCode(), receipt.receivedAt(), receipt.replyDueBy());
        }
    }

    public record Limits(int maxTextLength, int maxPlaceLength, int maxCommentLength, int maxAttachments,
            long maxAttachmentBytes, long maxTotalBytes, List<String> allowedTypes) {
    }

    public record DepartmentOption(String id, String name) {
    }

    public record Form(List<DepartmentOption> departments, Limits limits, int replyWithinWorkingDays) {
    }

    public record RatingRequest(Object score, String comment) {
    }

    @GetMapping("/form")
    public Form form() {
        return new Form(departments.all().stream().map(d -> new DepartmentOption(d.id(), d.name())).toList(),
                new Limits(settings.maxTextLength(), settings.maxPlaceLength(), settings.maxCommentLength(),
                        settings.maxAttachments(), settings.maxAttachmentSize().toBytes(), settings.maxTotalSize().toBytes(),
                        AttachmentType.contentTypes()),
                settings.replyWithinWorkingDays());
    }

    @PostMapping(path = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ReportReceipt> report(MultipartHttpServletRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        PublicReport report = reportPart(request, json, PublicReport.class);
        boolean anonymous = report.anonymous() != null ? report.anonymous()
                : report.contact() == null || report.contact().isEmpty();
        Intake.Receipt receipt = intake.receive(new Submission(IntakeRules.PUBLIC_CHANNEL, "public", null, report.description(),
                report.place(), report.departmentId(), null, anonymous, report.contact(), files(request), null,
                idempotencyKey == null ? null : "public:" + idempotencyKey), false);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(ReportReceipt.of(receipt));
    }

    @GetMapping("/reports/{trackingNumber}")
    public PublicStatus.Status status(@PathVariable String trackingNumber, @RequestHeader(QUERY_CODE) String queryCode) {
        return status.status(trackingNumber, queryCode);
    }

    @PostMapping(path = "/reports/{trackingNumber}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PublicStatus.Rating> rate(@PathVariable String trackingNumber,
            @RequestHeader(QUERY_CODE) String queryCode, @RequestBody RatingRequest rating) {
        if (!(rating.score() instanceof Integer score) || score < 1 || score > 5) {
            throw IntakeRejection.of(HttpStatus.BAD_REQUEST, "score", "评分应为1到5的整数");
        }
        String comment = rating.comment() == null || rating.comment().isBlank() ? null : rating.comment().strip();
        if (comment != null && comment.codePointCount(0, comment.length()) > settings.maxCommentLength()) {
            throw IntakeRejection.of(HttpStatus.BAD_REQUEST, "comment", "评价意见不能超过" + settings.maxCommentLength() + "个字");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(status.rate(trackingNumber, queryCode, score, comment));
    }

    /** The {@code report} part, sent as a JSON file part or as a plain form field. */
    static <T> T reportPart(MultipartHttpServletRequest request, ObjectMapper json, Class<T> type) {
        try {
            MultipartFile part = request.getFile("report");
            String text = part != null ? new String(part.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    : request.getParameter("report");
            if (text == null || text.isBlank()) {
                throw IntakeRejection.of(HttpStatus.BAD_REQUEST, "report", "缺少反映内容（report）");
            }
            T report = json.readValue(text, type);
            if (report == null) {
                throw IntakeRejection.of(HttpStatus.BAD_REQUEST, "report", "缺少反映内容（report）");
            }
            return report;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw IntakeRejection.of(HttpStatus.BAD_REQUEST, "report", "反映内容格式有误，应为 JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> files(MultipartHttpServletRequest request) {
        return request.getFiles("attachments").stream().map(file -> {
            try {
                return file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
