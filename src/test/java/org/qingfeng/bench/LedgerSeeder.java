package org.qingfeng.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.qingfeng.calendar.WorkingDayCalendar;

/**
 * Fills the ledger tables with a realistic history: problems reported over the months before {@code now}, each
 * carried as far through the loop as its age allows (registered or rejected, claimed, rectified on time or late,
 * warned, escalated, closed, revisited, rebounded), with the timeline entries the processes would have written.
 * Codes are the ones the forms offer. Plain JDBC batches; deterministic for a given seed.
 */
final class LedgerSeeder {

    /** What was written. */
    record Summary(int problems, long events, Map<String, Integer> byStatus, Map<String, Integer> byStage, Duration took) {
    }

    private record Dept(String id, String name, double weight, String head, String headName, String staff,
            String[] subjects, String[] places) {
    }

    private record Rebound(Instant due, long originId, Dept dept, String category) {
    }

    private static final Dept[] DEPARTMENTS = {
        new Dept("conference", "会务中心", 0.12, "chenjing", "陈静", "yangfan",
                new String[] {"会务中心工作人员", "会议室预订窗口", "会务接待人员", "会场保障人员"},
                new String[] {"三楼大会议室", "会议室预订窗口", "一楼报告厅", "五楼视频会议室"}),
        new Dept("canteen", "机关食堂", 0.22, "liuqiang", "刘强", "huangli",
                new String[] {"食堂窗口工作人员", "食堂售卖窗口", "食堂管理人员", "餐厅保洁人员"},
                new String[] {"机关食堂一楼售卖窗口", "机关食堂二楼餐厅", "食堂后厨", "食堂结算台"}),
        new Dept("procurement", "物资采购科", 0.12, "wujie", "吴杰", "zhengyu",
                new String[] {"物资采购科经办人员", "采购窗口", "物资验收人员", "供应商对接人员"},
                new String[] {"物资采购科办公室", "物资仓库", "采购服务窗口"}),
        new Dept("vehicles", "车辆管理科", 0.16, "fengtao", "冯涛", "heyun",
                new String[] {"车辆管理科调度员", "公务用车驾驶员", "车辆调度窗口", "车辆维修经办人"},
                new String[] {"车辆调度室", "机关停车场", "车辆维修点"}),
        new Dept("maintenance", "设施维修科", 0.16, "xulei", "徐磊", "zhuhong",
                new String[] {"设施维修科维修人员", "报修受理窗口", "维修班组", "水电维修人员"},
                new String[] {"办公楼二层卫生间", "报修受理窗口", "配电房", "四楼走廊"}),
        new Dept("officeSpace", "办公用房科", 0.08, "mabin", "马斌", "hujing",
                new String[] {"办公用房科经办人员", "办公用房调配窗口", "物业管理人员"},
                new String[] {"办公用房科办公室", "综合楼物业服务中心"}),
        new Dept("security", "安全保卫科", 0.14, "guoqiang", "郭强", "linna",
                new String[] {"门岗值班人员", "安全保卫科巡逻人员", "来访登记窗口", "夜间值班人员"},
                new String[] {"东门岗亭", "来访登记处", "地下车库入口", "北门岗亭"}),
    };

    // forms/report-problem.form (channel 'revisit' only for rebounds opened by a revisit)
    private static final String[] CHANNELS = {"hotline", "onlinePlatform", "suggestionBox", "questionnaire", "fieldVisit",
        "specialInspection", "receptionDay", "appointedSupervisor", "undercoverVisit", "onlinePoll", "crossInspection",
        "enterpriseRevisit"};
    private static final double[] CHANNEL_WEIGHTS = {0.26, 0.18, 0.06, 0.08, 0.05, 0.08, 0.04, 0.06, 0.05, 0.06, 0.04, 0.04};
    private static final String[] REPORTER_TYPES = {"staff", "public", "enterprise", "supervisor"};
    private static final double[] REPORTER_WEIGHTS = {0.20, 0.55, 0.12, 0.13};
    // forms/register-problem.form
    private static final String[] CATEGORIES = {"attitude", "efficiency", "discipline", "integrity", "serviceQuality", "formalism"};
    private static final double[] CATEGORY_WEIGHTS = {0.30, 0.25, 0.15, 0.05, 0.18, 0.07};
    private static final String[] SEVERITIES = {"general", "serious", "grave"};
    private static final double[] SEVERITY_WEIGHTS = {0.72, 0.22, 0.06};
    private static final String[] REJECTION_REASONS = {"duplicate", "notWorkStyle", "outOfScope"};
    private static final Map<String, String> REJECTION_COMMENTS = Map.of(
            "duplicate", "与已登记问题重复，并入原件办理", "notWorkStyle", "属设施报修，已转相关科室", "outOfScope", "不属于本单位职责，已告知反映人向主管部门反映");

    private static final Map<String, String[]> BEHAVIOUR = Map.of(
            "attitude", new String[] {"服务态度生硬，对来办事群众呵斥", "态度冷淡，对询问爱答不理", "接待时玩手机，态度敷衍", "说话语气粗暴，引发群众不满"},
            "efficiency", new String[] {"办事拖拉，报修后一周无人处理", "审批环节多，材料反复退回", "答复超出时限，群众多次催问", "推诿扯皮，让群众来回跑"},
            "discipline", new String[] {"上班时间迟到早退", "工作时间脱岗离岗", "值班期间睡岗", "上班时间打游戏、看视频"},
            "integrity", new String[] {"收受供应商礼品", "公车私用", "违规接受宴请", "利用职务便利为亲属办事"},
            "serviceQuality", new String[] {"饭菜质量差、价格不公示", "维修质量不过关，同一故障反复出现", "服务流程不清，告知不一次到位", "环境卫生脏乱"},
            "formalism", new String[] {"台账材料层层加码，重留痕轻实效", "整改只报不改，表态多落实少", "会议多文件多，基层负担重", "调研走过场，问题不解决"});
    private static final String[] DETAILS = {"反映人称已多次反映未果", "希望尽快整改并答复", "附现场照片两张", "当时排队群众较多，影响恶劣",
        "反映人要求匿名处理", "同类问题上月已有反映", "请作风办督促整改", "现场有其他群众可以作证"};
    private static final String[] PLANS = {"开展服务礼仪培训，设立窗口服务监督岗，月底前完成", "梳理办事流程，压减审批环节，公开办理时限",
        "对当事人批评教育并调整岗位，科室负责人每日抽查", "建立问题台账，逐项销号，每周向作风办报送进展"};
    private static final String[] PROGRESS = {"已完成整改并张贴公示", "已对当事人谈话提醒，制度已修订", "已组织全科室学习并签订承诺书", "整改措施已全部落实"};
    private static final String[] FINDINGS = {"现场核查属实，整改到位", "暗访两次，未再发现同类问题", "查阅台账和制度文件，整改措施已落实"};
    private static final String[] REPLIES = {"您反映的问题已整改，感谢您对机关作风建设的监督。", "经核查属实，已对当事人批评教育并调整服务流程，感谢监督。",
        "相关制度已修订并公示，欢迎继续监督。"};
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 10_000;

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final Instant now;
    private final Random random;

    LedgerSeeder(WorkingDayCalendar calendar, ZoneId zone, Instant now, long seed) {
        this.calendar = calendar;
        this.zone = zone;
        this.now = now;
        this.random = new Random(seed);
    }

    /** Writes {@code count} problems reported during the {@code months} before now. */
    Summary seed(Connection connection, int count, int months) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        long firstId = single(connection, "select coalesce(max(id), 0) + 1 from problem");
        Map<Integer, Integer> sequence = new TreeMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select ledger_year, last_value from ledger_sequence")) {
            while (rs.next()) {
                sequence.put(rs.getInt(1), rs.getInt(2));
            }
        }
        Instant[] reported = reportTimes(count, months);
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byStage = new TreeMap<>();
        PriorityQueue<Rebound> rebounds = new PriorityQueue<>((a, b) -> a.due().compareTo(b.due()));
        long events = 0;
        try (PreparedStatement problems = connection.prepareStatement("""
                insert into problem (id, number, process_instance_id, channel, reporter_type, external_origin, description, place,
                    department_hint, received_by, reported_at, status, stage, category, severity, department_id, responsible_person,
                    registered_at, claim_deadline, deadline, warning_colour, reminder_count, extension_count, escalation_level,
                    rectification_round, rejection_reason, official_reply, closed_at, closed_on_time, rebound_of, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement timeline = connection.prepareStatement(
                        "insert into problem_event (problem_id, occurred_at, type, actor, activity_id, detail) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                int year = reported[i].atZone(zone).getYear();
                int seq = sequence.merge(year, 1, Integer::sum);
                Problem p = new Problem(id, "ZF-%d-%06d".formatted(year, seq), reported[i]);
                Rebound rebound = rebounds.peek() != null && !rebounds.peek().due().isAfter(reported[i]) ? rebounds.poll() : null;
                live(p, rebound);
                if (p.status.equals("REBOUNDED")) {
                    rebounds.add(new Rebound(p.revisitedAt, p.id, p.dept, p.category));
                }
                p.bind(problems);
                problems.addBatch();
                for (Object[] e : p.events) {
                    timeline.setLong(1, id);
                    timeline.setTimestamp(2, ts((Instant) e[0]));
                    for (int c = 1; c < 5; c++) {
                        timeline.setString(c + 2, (String) e[c]);
                    }
                    timeline.addBatch();
                }
                events += p.events.size();
                byStatus.merge(p.status, 1, Integer::sum);
                byStage.merge(p.stage, 1, Integer::sum);
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    problems.executeBatch();
                    timeline.executeBatch();
                }
                if ((i + 1) % COMMIT_EVERY == 0) {
                    connection.commit();
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update ledger_sequence set last_value = ? where ledger_year = ?")) {
            for (Map.Entry<Integer, Integer> e : sequence.entrySet()) {
                update.setInt(1, e.getValue());
                update.setInt(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        // a year already numbered by its sequence carries on from there
        for (Map.Entry<Integer, Integer> e : sequence.entrySet()) {
            if (single(connection, "select count(*) from pg_class where relkind = 'S' and relname = 'ledger_number_" + e.getKey() + "'") > 0) {
                single(connection, "select setval('ledger_number_" + e.getKey() + "', " + Math.max(1, e.getValue()) + ", "
                        + (e.getValue() > 0) + ")");
            }
        }
        try (Statement st = connection.createStatement()) {
            // the identity column continues after the explicit ids
            st.execute("select setval(pg_get_serial_sequence('problem', 'id'), (select max(id) from problem))");
        }
        connection.commit();
        connection.setAutoCommit(true);
        return new Summary(count, events, byStatus, byStage, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Report times over the period, more on working days and in office hours, in ascending order. */
    private Instant[] reportTimes(int count, int months) {
        ZonedDateTime end = now.atZone(zone);
        ZonedDateTime start = end.minusMonths(months);
        long span = Duration.between(start, end).toSeconds();
        Instant[] times = new Instant[count];
        for (int i = 0; i < count; ) {
            ZonedDateTime t = start.plusSeconds((long) (random.nextDouble() * span));
            boolean working = calendar.isWorkingDay(t.toLocalDate());
            boolean office = t.getHour() >= 8 && t.getHour() < 19;
            double keep = (working ? 1.0 : 0.25) * (office ? 1.0 : 0.15);
            if (random.nextDouble() < keep) {
                times[i++] = t.toInstant();
            }
        }
        Arrays.sort(times);
        return times;
    }

    /** Carries the problem as far through the loop as its age allows. */
    private void live(Problem p, Rebound rebound) {
        p.dept = rebound != null ? rebound.dept() : pick(DEPARTMENTS, Arrays.stream(DEPARTMENTS).mapToDouble(Dept::weight).toArray());
        p.channel = rebound != null ? "revisit" : pick(CHANNELS, CHANNEL_WEIGHTS);
        p.reporterType = rebound != null ? "staff" : pick(REPORTER_TYPES, REPORTER_WEIGHTS);
        p.category = rebound != null ? rebound.category() : pick(CATEGORIES, CATEGORY_WEIGHTS);
        p.reboundOf = rebound == null ? null : rebound.originId();
        p.severity = pick(SEVERITIES, SEVERITY_WEIGHTS);
        p.description = description(p.dept, p.category, rebound != null);
        p.place = random.nextDouble() < 0.7 ? any(p.dept.places()) : null;
        p.departmentHint = random.nextDouble() < 0.5 ? p.dept.name() : null;
        p.receivedBy = switch (p.channel) {
            case "onlinePlatform", "onlinePoll" -> "system";
            default -> random.nextDouble() < 0.7 ? "wangfang" : "zhoumin";
        };
        p.processInstanceId = new UUID(random.nextLong(), random.nextLong()).toString();
        p.event(p.reportedAt, "REPORTED", p.receivedBy, null, p.channel);

        String registrar = random.nextDouble() < 0.7 ? "wangfang" : "zhoumin";
        Instant registeredAt = p.reportedAt.plus(Duration.ofMinutes(30 + random.nextInt(2 * 24 * 60)));
        if (registeredAt.isAfter(now)) {
            p.status = "REPORTED";
            p.stage = "REGISTRATION";
            return;
        }
        if (rebound == null && random.nextDouble() < 0.07) {
            p.rejectionReason = any(REJECTION_REASONS);
            p.status = "REJECTED";
            p.stage = "FINISHED";
            p.category = null;
            p.severity = null;
            p.event(registeredAt, "TASK_COMPLETED", registrar, "registerProblemUserTask",
                    "登记问题 {\"登记意见\":\"不予登记\",\"不予登记理由\":\"" + p.rejectionReason + "\"}");
            p.event(registeredAt, "REJECTED", registrar, "rejectProblemServiceTask",
                    p.rejectionReason + ": " + REJECTION_COMMENTS.get(p.rejectionReason));
            return;
        }
        p.registeredAt = registeredAt;
        p.responsiblePerson = p.dept.headName();
        LocalDate registeredDay = registeredAt.atZone(zone).toLocalDate();
        int workingDays = "integrity".equals(p.category) || "grave".equals(p.severity) ? 5 : "serious".equals(p.severity) ? 10 : 15;
        int yellowDays = workingDays == 5 ? 2 : 3;
        p.claimDeadline = endOf(calendar.plusWorkingDays(registeredDay, 1));
        p.deadline = endOf(calendar.plusWorkingDays(registeredDay, workingDays));
        p.rectificationRound = 1;
        p.event(registeredAt, "REGISTERED", registrar, "registerProblemServiceTask",
                p.dept.name() + "，整改时限 " + DISPLAY.format(p.deadline.atZone(zone)));

        Duration allowed = Duration.between(registeredAt, p.deadline);
        double share = random.nextDouble();
        double f = share < 0.84 ? 0.3 + 0.7 * random.nextDouble() : share < 0.97 ? 1.0 + 0.8 * random.nextDouble() : 1.8 + 3 * random.nextDouble();
        Instant finished = registeredAt.plus(scale(allowed, f));
        Instant claimedAt = registeredAt.plus(scale(Duration.between(registeredAt, p.claimDeadline), 0.1 + 0.8 * random.nextDouble()));
        Instant plannedAt = claimedAt.plus(scale(Duration.between(claimedAt, finished), 0.1));
        Instant implementedAt = claimedAt.plus(scale(Duration.between(claimedAt, finished), 0.8));
        Instant verifiedAt = claimedAt.plus(scale(Duration.between(claimedAt, finished), 0.9));
        if (random.nextDouble() < 0.08 && plannedAt.isBefore(now)) {
            Instant requested = plannedAt.plus(scale(Duration.between(plannedAt, finished), 0.3));
            if (requested.isBefore(now) && requested.isBefore(p.deadline)) {
                p.deadline = endOf(calendar.plusWorkingDays(p.deadline.atZone(zone).toLocalDate(), 5 + random.nextInt(6)));
                p.extensionCount = 1;
                p.event(requested, "DEADLINE_EXTENDED", "zhoumin", "extendDeadlineServiceTask",
                        "整改时限延至 " + DISPLAY.format(p.deadline.atZone(zone)));
            }
        }
        Instant watchEnds = verifiedAt.isBefore(now) ? verifiedAt : now;
        Instant yellowAt = calendar.plusWorkingDays(p.deadline.atZone(zone).toLocalDate(), -yellowDays)
                .atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
        if (watchEnds.isAfter(yellowAt) && yellowAt.isAfter(registeredAt)) {
            p.warningColour = "YELLOW";
            p.reminderCount++;
            p.event(yellowAt, "YELLOW_WARNING", "system", "issueYellowWarningServiceTask",
                    "距整改时限 " + yellowDays + " 个工作日，已催办");
        }
        if (watchEnds.isAfter(p.deadline)) {
            p.warningColour = "RED";
            p.event(p.deadline, "RED_WARNING", "system", "issueRedWarningServiceTask", "已超过整改时限");
            long lateDays = Duration.between(p.deadline, watchEnds).toDays();
            p.escalationLevel = (int) Math.min(3, 1 + lateDays / 10);
            for (int level = 1; level <= p.escalationLevel; level++) {
                Instant interviewed = p.deadline.plus(Duration.ofDays(3L + 10L * (level - 1)));
                if (interviewed.isBefore(watchEnds)) {
                    p.event(interviewed, "INTERVIEW_RECORDED", level == 1 ? "sunli" : level == 2 ? "lihua" : "zhaogang",
                            "recordInterviewServiceTask", "第" + level + "级约谈：整改拖延，责任不落实");
                }
            }
        }
        if (now.isBefore(claimedAt)) {
            p.open("CLAIM");
            return;
        }
        p.event(claimedAt, "TASK_COMPLETED", p.dept.head(), "claimResponsibilityUserTask",
                "签收认领问题 {\"签收意见\":\"认领，由本科室整改\"}");
        if (now.isBefore(plannedAt)) {
            p.open("PLANNING");
            return;
        }
        if (now.isBefore(implementedAt)) {
            p.open(p.extensionCount == 0 && random.nextDouble() < 0.04 ? "EXTENSION_REVIEW" : "RECTIFICATION");
            return;
        }
        p.event(implementedAt, "TASK_COMPLETED", p.dept.staff(), "implementRectificationUserTask",
                "实施整改并报告进展 {\"本次报送\":\"整改完成，提请核查\",\"进展情况\":\"" + any(PROGRESS) + "\"}");
        if (now.isBefore(verifiedAt)) {
            p.open("VERIFICATION");
            return;
        }
        p.event(verifiedAt, "TASK_COMPLETED", registrar, "verifyRectificationUserTask",
                "核查整改情况 {\"核查结论\":\"核查通过\",\"核查意见\":\"" + any(FINDINGS) + "\"}");
        if (random.nextDouble() < 0.04) {
            p.rectificationRound = 2;
            p.event(verifiedAt.plus(Duration.ofHours(20)), "RECTIFICATION_REOPENED", "zhoumin", "reopenRectificationServiceTask",
                    "满意度未达标，重新整改");
        }
        if (now.isBefore(finished)) {
            p.open(random.nextBoolean() ? "EVALUATION" : "CLOSURE");
            return;
        }
        p.closedAt = finished;
        p.closedOnTime = !finished.isAfter(p.deadline);
        p.officialReply = any(REPLIES);
        p.status = "CLOSED";
        p.stage = "AWAITING_REVISIT";
        Instant revisitDue = finished.atZone(zone).plusMonths(6).toInstant();
        p.event(finished, "CLOSED", "zhoumin", "closeProblemServiceTask",
                (p.closedOnTime ? "按期销号" : "逾期销号") + "，回头看时间 " + DISPLAY.format(revisitDue.atZone(zone)));
        if (now.isBefore(revisitDue)) {
            return;
        }
        Instant revisited = revisitDue.plus(Duration.ofDays(1 + random.nextInt(10)));
        if (now.isBefore(revisited)) {
            p.stage = "REVISIT";
            return;
        }
        p.revisitedAt = revisited;
        p.stage = "FINISHED";
        if (random.nextDouble() < 0.05) {
            p.status = "REBOUNDED";
            p.event(revisited, "REVISITED", "zhoumin", "recordRevisitServiceTask", "rebound: 回头看发现问题反弹");
            p.event(revisited, "REBOUND_OPENED", "zhoumin", "openReboundProblemServiceTask", "反弹问题另行登记");
        } else {
            p.status = "CONSOLIDATED";
            p.event(revisited, "REVISITED", "zhoumin", "recordRevisitServiceTask", "consolidated: " + any(FINDINGS));
        }
    }

    private String description(Dept dept, String category, boolean rebound) {
        StringBuilder text = new StringBuilder();
        if (rebound) {
            text.append("回头看发现反弹：");
        }
        text.append(any(dept.subjects())).append(any(BEHAVIOUR.get(category))).append("。");
        int extra = random.nextInt(4);
        for (int k = 0; k < extra; k++) {
            text.append(any(DETAILS)).append("。");
        }
        if (random.nextDouble() < 0.3) {
            text.append("涉及群众约").append(2 + random.nextInt(40)).append("人。");
        }
        return text.toString();
    }

    private Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(18, 0)).atZone(zone).toInstant();
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofSeconds((long) (d.toSeconds() * factor));
    }

    private <T> T any(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(T[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : new Timestamp(instant.toEpochMilli());
    }

    /** One problem as it is built up, then bound to the insert. */
    private final class Problem {
        final long id;
        final String number;
        final Instant reportedAt;
        final List<Object[]> events = new ArrayList<>(8);
        Dept dept;
        String channel;
        String reporterType;
        String category;
        String severity;
        String description;
        String place;
        String departmentHint;
        String receivedBy;
        String processInstanceId;
        String status = "REGISTERED";
        String stage;
        String responsiblePerson;
        Instant registeredAt;
        Instant claimDeadline;
        Instant deadline;
        String warningColour = "NONE";
        int reminderCount;
        int extensionCount;
        int escalationLevel;
        int rectificationRound;
        String rejectionReason;
        String officialReply;
        Instant closedAt;
        Boolean closedOnTime;
        Long reboundOf;
        Instant revisitedAt;

        Problem(long id, String number, Instant reportedAt) {
            this.id = id;
            this.number = number;
            this.reportedAt = reportedAt;
        }

        void event(Instant at, String type, String actor, String activityId, String detail) {
            events.add(new Object[] {at, type, actor, activityId, detail});
        }

        void open(String stage) {
            this.status = "REGISTERED";
            this.stage = stage;
        }

        void bind(PreparedStatement ps) throws SQLException {
            Instant updated = reportedAt;
            for (Object[] e : events) {
                if (((Instant) e[0]).isAfter(updated)) {
                    updated = (Instant) e[0];
                }
            }
            int c = 1;
            ps.setLong(c++, id);
            ps.setString(c++, number);
            ps.setString(c++, processInstanceId);
            ps.setString(c++, channel);
            ps.setString(c++, reporterType);
            ps.setBoolean(c++, "public".equals(reporterType) || "enterprise".equals(reporterType));
            ps.setString(c++, description);
            ps.setString(c++, place);
            ps.setString(c++, departmentHint);
            ps.setString(c++, receivedBy);
            ps.setTimestamp(c++, ts(reportedAt));
            ps.setString(c++, status);
            ps.setString(c++, stage);
            ps.setString(c++, category);
            ps.setString(c++, severity);
            ps.setString(c++, registeredAt == null ? null : dept.id());
            ps.setString(c++, responsiblePerson);
            ps.setTimestamp(c++, ts(registeredAt));
            ps.setTimestamp(c++, ts(claimDeadline));
            ps.setTimestamp(c++, ts(deadline));
            ps.setString(c++, warningColour);
            ps.setInt(c++, reminderCount);
            ps.setInt(c++, extensionCount);
            ps.setInt(c++, escalationLevel);
            ps.setInt(c++, rectificationRound);
            ps.setString(c++, rejectionReason);
            ps.setString(c++, officialReply);
            ps.setTimestamp(c++, ts(closedAt));
            if (closedOnTime == null) {
                ps.setNull(c++, Types.BOOLEAN);
            } else {
                ps.setBoolean(c++, closedOnTime);
            }
            if (reboundOf == null) {
                ps.setNull(c++, Types.BIGINT);
            } else {
                ps.setLong(c++, reboundOf);
            }
            ps.setTimestamp(c, ts(updated));
        }
    }

    /** The codes written, by form field, so that they can be checked against the forms. */
    static Map<String, String[]> codes() {
        Map<String, String[]> codes = new HashMap<>();
        codes.put("channel", CHANNELS);
        codes.put("reporterType", REPORTER_TYPES);
        codes.put("category", CATEGORIES);
        codes.put("severity", SEVERITIES);
        return codes;
    }
}
