package org.qingfeng.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.qingfeng.identity.Department;
import org.qingfeng.identity.Departments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Checks a report before anything is written: text rules first (400), then the attachments' count and sizes (413),
 * then their kinds by content (415). Every reason is in Chinese and names the field.
 */
@Component
public class IntakeRules {

    /** The twelve discovery channels staff enter reports from (整改回头看 opens rebounds itself). */
    public static final Set<String> STAFF_CHANNELS = Set.of("suggestionBox", "hotline", "onlinePlatform", "questionnaire",
            "fieldVisit", "specialInspection", "receptionDay", "appointedSupervisor", "undercoverVisit", "onlinePoll",
            "crossInspection", "enterpriseRevisit");
    public static final Set<String> REPORTER_TYPES = Set.of("public", "enterprise", "staff", "supervisor");
    /** The public page is the 网上投诉平台. */
    public static final String PUBLIC_CHANNEL = "onlinePlatform";
    /** The shortest description the report form accepts. */
    public static final int MIN_TEXT_LENGTH = 5;

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final IntakeSettings settings;
    private final Departments departments;

    public IntakeRules(IntakeSettings settings, Departments departments) {
        this.settings = settings;
        this.departments = departments;
    }

    /** A checked attachment: its kind as told by its content. */
    public record CheckedFile(AttachmentType type, byte[] content) {
    }

    /** What the checks found out: the department's name (the ledger's 涉及科室) and the files' kinds. */
    public record Checked(String departmentName, List<CheckedFile> files) {
    }

    public Checked check(Submission s, boolean staff) {
        List<IntakeRejection.FieldProblem> problems = new ArrayList<>();
        if (staff) {
            if (s.channel() == null || !STAFF_CHANNELS.contains(s.channel())) {
                problems.add(problem("channel", "发现渠道不正确，应为12个发现渠道之一"));
            }
            if (s.reporterType() == null || !REPORTER_TYPES.contains(s.reporterType())) {
                problems.add(problem("reporterType", "反映人类别不正确，应为 public、enterprise、staff 或 supervisor"));
            }
            if (s.reportedAt() != null && s.reportedAt().after(ClockUtil.getCurrentTime())) {
                problems.add(problem("reportedAt", "反映时间不能晚于当前时间"));
            }
            if (s.externalReference() != null && (s.externalReference().isBlank() || s.externalReference().length() > 100)) {
                problems.add(problem("externalReference", "外部编号应为1到100个字符"));
            }
        }
        String description = s.description() == null ? "" : s.description().strip();
        int length = description.codePointCount(0, description.length());
        if (length == 0) {
            problems.add(problem("description", "请填写问题描述"));
        } else if (length < MIN_TEXT_LENGTH) {
            problems.add(problem("description", "问题描述至少需要" + MIN_TEXT_LENGTH + "个字"));
        } else if (length > settings.maxTextLength()) {
            problems.add(problem("description", "问题描述不能超过" + settings.maxTextLength() + "个字"));
        }
        if (s.place() != null && s.place().codePointCount(0, s.place().length()) > settings.maxPlaceLength()) {
            problems.add(problem("place", "发生地点不能超过" + settings.maxPlaceLength() + "个字"));
        }
        String departmentName = null;
        if (s.departmentId() != null && !s.departmentId().isBlank()) {
            departmentName = departments.find(s.departmentId()).map(Department::name).orElse(null);
            if (departmentName == null) {
                problems.add(problem("departmentId", "所选科室不存在"));
            }
        }
        checkContact(s, staff, problems);
        if (s.idempotencyKey() != null && !IDEMPOTENCY_KEY.matcher(s.idempotencyKey()).matches()) {
            problems.add(problem("Idempotency-Key", "Idempotency-Key 应为1到100个可见字符"));
        }
        if (!problems.isEmpty()) {
            throw new IntakeRejection(HttpStatus.BAD_REQUEST, "反映内容有误：" + String.join("；",
                    problems.stream().map(IntakeRejection.FieldProblem::message).toList()), problems);
        }
        return new Checked(departmentName, checkFiles(s.attachments()));
    }

    private void checkContact(Submission s, boolean staff, List<IntakeRejection.FieldProblem> problems) {
        Contact contact = s.contact();
        boolean none = contact == null || contact.isEmpty();
        if (s.anonymous() && !none) {
            problems.add(problem("contact", "匿名反映不能填写联系方式；如需回访，请选择实名反映"));
            return;
        }
        if (!s.anonymous() && !staff && (none || contact.phone() == null && contact.email() == null)) {
            problems.add(problem("contact.phone", "实名反映请至少留下手机号码或电子邮箱"));
        }
        if (none) {
            return;
        }
        if (contact.name() != null && contact.name().codePointCount(0, contact.name().length()) > 50) {
            problems.add(problem("contact.name", "姓名不能超过50个字"));
        }
        if (contact.phone() != null && (!PHONE.matcher(contact.phone()).matches()
                || contact.phone().replaceAll("[^0-9]", "").length() < 5)) {
            problems.add(problem("contact.phone", "联系电话格式不正确"));
        }
        if (contact.email() != null && (contact.email().length() > 100 || !EMAIL.matcher(contact.email()).matches())) {
            problems.add(problem("contact.email", "电子邮箱格式不正确"));
        }
    }

    private List<CheckedFile> checkFiles(List<byte[]> files) {
        if (files.size() > settings.maxAttachments()) {
            throw IntakeRejection.of(HttpStatus.PAYLOAD_TOO_LARGE, "attachments", "附件最多" + settings.maxAttachments() + "个");
        }
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            long size = files.get(i).length;
            if (size > settings.maxAttachmentSize().toBytes()) {
                throw IntakeRejection.of(HttpStatus.PAYLOAD_TOO_LARGE, "attachments[" + i + "]",
                        "第" + (i + 1) + "个附件超过" + readable(settings.maxAttachmentSize()) + "，请压缩后重试");
            }
            total += size;
        }
        if (total > settings.maxTotalSize().toBytes()) {
            throw IntakeRejection.of(HttpStatus.PAYLOAD_TOO_LARGE, "attachments",
                    "附件合计不能超过" + readable(settings.maxTotalSize()));
        }
        List<CheckedFile> checked = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] content = files.get(i);
            int index = i;
            AttachmentType type = AttachmentType.of(content).orElseThrow(() -> IntakeRejection.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachments[" + index + "]",
                    "第" + (index + 1) + "个附件的类型不支持，只接受 JPG、PNG 图片，PDF 文件和 Word（docx）、Excel（xlsx）文档"));
            checked.add(new CheckedFile(type, content));
        }
        return checked;
    }

    /** 10MB, 500KB: a size as people read it. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "字节";
    }

    private static IntakeRejection.FieldProblem problem(String field, String message) {
        return new IntakeRejection.FieldProblem(field, message);
    }
}
