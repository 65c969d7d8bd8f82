package org.qingfeng.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.qingfeng.calendar.BusinessClock;
import org.qingfeng.identity.Groups;
import org.qingfeng.identity.Visibility;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Staff enter what the twelve channels received (the hotline operator, the suggestion box, a visit…); the logged-in
 * user is recorded as the one who received it (首问负责). Attachments and the reporter's contact are read here:
 * the contact only by the work-style office, each access recorded in the problem's timeline.
 */
@RestController
@RequestMapping("/api/intake")
public class StaffIntakeController {

    private final Intake intake;
    private final IntakeRecords records;
    private final ContactCipher cipher;
    private final PublicRatings ratings;
    private final ProblemLedger ledger;
    private final IdentityService identity;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final Visibility visibility;

    public StaffIntakeController(Intake intake, IntakeRecords records, ContactCipher cipher, PublicRatings ratings,
            ProblemLedger ledger, IdentityService identity, BusinessClock clock, ObjectMapper json, Visibility visibility) {
        this.visibility = visibility;
        this.intake = intake;
        this.records = records;
        this.cipher = cipher;
        this.ratings = ratings;
        this.ledger = ledger;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
    }

    /** A report as a staff member enters it. */
    public record StaffReport(String channel, String reporterType, String reportedAt, String description, String place,
            String departmentId, String externalReference, Contact contact) {
    }

    /** A received report as staff see it: the contact masked. */
    public record ReceivedReport(String trackingNumber, String channel, boolean anonymous, String receivedBy,
            OffsetDateTime receivedAt, LocalDate replyDueBy, Contact contact, int attachments) {
    }

    public record AttachmentInfo(long id, String fileName, String contentType, long size) {
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PublicIntakeController.ReportReceipt> report(@RequestBody StaffReport report,
            @RequestHeader(name = PublicIntakeController.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return receive(report, List.of(), idempotencyKey);
    }

    @PostMapping(path = "/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<PublicIntakeController.ReportReceipt> reportWithAttachments(MultipartHttpServletRequest request,
            @RequestHeader(name = PublicIntakeController.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return receive(PublicIntakeController.reportPart(request, json, StaffReport.class), PublicIntakeController.files(request),
                idempotencyKey);
    }

    private ResponseEntity<PublicIntakeController.ReportReceipt> receive(StaffReport report, List<byte[]> files,
            String idempotencyKey) {
        String user = currentUser();
        boolean anonymous = report.contact() == null || report.contact().isEmpty();
        Intake.Receipt receipt = intake.receive(new Submission(report.channel(), report.reporterType(),
                reportedAt(report.reportedAt()), report.description(), report.place(), report.departmentId(),
                report.externalReference(), anonymous, report.contact(), files, user,
                idempotencyKey == null ? null : "staff:" + user + ":" + idempotencyKey), true);
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(PublicIntakeController.ReportReceipt.of(receipt));
    }

    @GetMapping("/reports/{number}")
    public ReceivedReport received(@PathVariable String number) {
        IntakeRecords.Received received = findReceived(number);
        return new ReceivedReport(number, received.channel(), received.anonymous(), received.receivedBy(),
                received.receivedAt().toInstant().atZone(clock.zone()).toOffsetDateTime(), intake.replyDueBy(received.receivedAt()),
                Intake.readMasked(received.contactMasked()), records.attachments(received.problemId()).size());
    }

    @GetMapping("/reports/{number}/attachments")
    public List<AttachmentInfo> attachments(@PathVariable String number) {
        return records.attachments(findReceived(number).problemId()).stream()
                .map(a -> new AttachmentInfo(a.id(), a.fileName(), a.contentType(), a.size())).toList();
    }

    @GetMapping("/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        IntakeRecords.Attachment attachment = records.attachment(id).filter(a -> visible(a.problemId()))
                .orElseThrow(() -> IntakeRejection.of(HttpStatus.NOT_FOUND, null, "附件不存在"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(attachment.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(records.content(id));
    }

    /** The reporter's contact in the clear: the work-style office only; every request lands in the timeline. */
    @GetMapping("/reports/{number}/contact")
    public Contact contact(@PathVariable String number) {
        IntakeRecords.Received received = findReceived(number);
        String user = currentUser();
        // the groups the login carries, as for every other rule: a directory (LDAP) may not let a user list groups
        List<String> groups = identity.getCurrentAuthentication().getGroupIds();
        boolean office = groups != null && groups.contains(Groups.WORK_STYLE_OFFICE);
        if (!office) {
            ledger.record(received.problemId(), EventType.CONTACT_REFUSED, user, null, "查看举报人联系方式被拒绝");
            throw IntakeRejection.of(HttpStatus.FORBIDDEN, null, "只有作风办可以查看举报人联系方式");
        }
        if (received.contactSealed() == null) {
            throw IntakeRejection.of(HttpStatus.NOT_FOUND, null, "该反映没有留下联系方式");
        }
        ledger.record(received.problemId(), EventType.CONTACT_VIEWED, user, null, "查看举报人联系方式");
        return cipher.open(received.contactSealed(), received.problemId());
    }

    /** 群众评议 per department: ratings given from {@code from} to {@code to} (inclusive days). */
    @GetMapping("/ratings")
    public List<PublicRatings.DepartmentRatings> ratings(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw IntakeRejection.of(HttpStatus.BAD_REQUEST, "to", "结束日期不能早于开始日期");
        }
        Visibility.Scope scope = visibility.current();
        return ratings.byDepartment(Date.from(from.atStartOfDay(clock.zone()).toInstant()),
                Date.from(to.plusDays(1).atStartOfDay(clock.zone()).toInstant())).stream()
                .filter(r -> scope.sees(r.departmentId())).toList();
    }

    /** A received report the caller may see: like the ledger, another department's report is not found (404). */
    private IntakeRecords.Received findReceived(String number) {
        return records.byNumber(number).filter(r -> r.problemId() != null && visible(r.problemId()))
                .orElseThrow(() -> IntakeRejection.of(HttpStatus.NOT_FOUND, null, "没有经受理渠道收到的反映 " + number));
    }

    private boolean visible(long problemId) {
        return ledger.find(problemId).map(p -> visibility.current().sees(p.departmentId())).orElse(false);
    }

    private String currentUser() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw IntakeRejection.of(HttpStatus.UNAUTHORIZED, null, "请先登录");
        }
        return authentication.getUserId();
    }

    private Date reportedAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Date.from(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Date.from(LocalDateTime.parse(text).atZone(clock.zone()).toInstant());
            } catch (DateTimeParseException again) {
                throw IntakeRejection.of(HttpStatus.BAD_REQUEST, "reportedAt", "反映时间格式不正确，应为 ISO-8601，如 2026-03-02T09:00:00+08:00");
            }
        }
    }
}
