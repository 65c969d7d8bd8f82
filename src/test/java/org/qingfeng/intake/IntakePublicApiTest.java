package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.ProblemLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The public intake API as the public page uses it: no login, a tracking number and a query code. */
class IntakePublicApiTest extends IntakeTestSupport {

    @Test
    void formNeedsNoLoginAndTellsDepartmentsLimitsAndTheReplyPeriod() {
        ResponseEntity<Map> form = rest.getForEntity("/public/api/form", Map.class);

        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) form.getBody().get("departments"))
                .contains(Map.of("id", "canteen", "name", "机关食堂"));
        Map<String, Object> limits = (Map<String, Object>) form.getBody().get("limits");
        assertThat(limits).containsEntry("maxAttachments", 3).containsEntry("maxAttachmentBytes", 102400)
                .containsEntry("maxTotalBytes", 256000).containsEntry("maxTextLength", 2000);
        assertThat((List<String>) limits.get("allowedTypes")).contains("image/jpeg", "image/png", "application/pdf");
        assertThat(form.getBody().get("replyWithinWorkingDays")).isEqualTo(5);
    }

    @Test
    void anonymousReportWithAttachmentsBecomesAProblemTheReporterCanFollow() {
        Counts before = counts();
        ResponseEntity<Map> receipt = submit(newClient(), Map.of("description", "办事窗口工作人员上班时间玩手机，群众排队无人理睬",
                "place", "政务服务大厅", "departmentId", "canteen", "anonymous", true), List.of(PNG, PDF), null);

        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = (String) receipt.getBody().get("trackingNumber");
        String code = (String) receipt.getBody().get("queryCode");
        assertThat(number).matches("ZF-2026-\\d{6}");
        assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(receipt.getBody().get("receivedAt")).asString().startsWith("2026-03-02T09:00");
        // 限时答复 5 working days from Monday 2 March
        assertThat(receipt.getBody().get("replyDueBy")).isEqualTo("2026-03-09");

        Counts after = counts();
        assertThat(after.problems()).isEqualTo(before.problems() + 1);
        assertThat(after.processInstances()).isEqualTo(before.processInstances() + 1);
        assertThat(after.attachments()).isEqualTo(before.attachments() + 2);
        // the ledger row is the start listener's, as for a report entered in Tasklist
        Map<String, Object> row = jdbc.queryForMap("select channel, reporter_type, external_origin, department_hint, received_by "
                + "from problem where number = ?", number);
        assertThat(row.values()).containsExactly("onlinePlatform", "public", true, "机关食堂", "system");
        assertThat(ledger.events(number)).extracting(ProblemLedger.Event::type).containsExactly(EventType.REPORTED);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isOne();
        assertThat(jdbc.queryForList("select file_name, content_type from intake_attachment a join problem p on p.id = a.problem_id "
                + "where p.number = ? order by seq_no", number)).extracting(m -> m.get("FILE_NAME") != null ? m.get("FILE_NAME") : m.get("file_name"))
                .containsExactly(number + "-1.png", number + "-2.pdf");
        // the query code is kept only as a salted hash
        String stored = jdbc.queryForObject("select query_code_hash from intake_report r join problem p on p.id = r.problem_id "
                + "where p.number = ?", String.class, number);
        assertThat(stored).startsWith("hmac$").doesNotContain(code).doesNotContain(code.replace("-", ""));

        ResponseEntity<Map> status = status(newClient(), number, code.toLowerCase());
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status.getBody()).containsEntry("trackingNumber", number).containsEntry("stage", "REGISTRATION")
                .containsEntry("stageLabel", "已收到，待受理登记").containsEntry("closed", false).containsEntry("deadline", null)
                .containsEntry("replyDueBy", "2026-03-09").containsEntry("canRate", false).containsEntry("rating", null)
                .containsEntry("mergedInto", null).containsEntry("replies", List.of());
    }

    @Test
    void unknownNumberAndWrongCodeGetTheSameNotFound() {
        ResponseEntity<Map> receipt = submit(newClient(), anonymousReport("食堂饭菜价格不公示，多收费"), List.of(), null);
        String number = (String) receipt.getBody().get("trackingNumber");
        String client = newClient();

        ResponseEntity<Map> wrongCode = status(client, number, "AAAA-BBBB-CCCC");
        ResponseEntity<Map> unknown = status(client, "ZF-2026-999999", (String) receipt.getBody().get("queryCode"));
        ResponseEntity<Map> noCode = status(client, number, null);
        ResponseEntity<Map> malformed = status(client, "ZF-bad", "AAAA-BBBB-CCCC");

        for (ResponseEntity<Map> answer : List.of(wrongCode, unknown, noCode, malformed)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(unknown.getBody()).isEqualTo(wrongCode.getBody()).isEqualTo(noCode.getBody());
        assertThat(wrongCode.getBody().get("message")).isEqualTo("未找到该反映，请核对受理编号和查询码");
    }

    @Test
    void repliesFollowTheProblemToClosureAndTheReporterRatesItOnce() {
        String client = newClient();
        ResponseEntity<Map> receipt = submit(client, Map.of("description", "办公用房分配不公开，申请一个月无人答复",
                "departmentId", "officeSpace", "anonymous", false,
                "contact", Map.of("name", "欧阳明", "phone", "13800001111")), List.of(), null);
        String number = (String) receipt.getBody().get("trackingNumber");
        String code = (String) receipt.getBody().get("queryCode");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        List<Map<String, Object>> before = ratingsOf("officeSpace");

        complete(instance, ProblemLifecycle.Elements.REGISTER_PROBLEM, "wangfang", Map.of("registrationDecision", "accept",
                "category", "efficiency", "severity", "general", "responsibleDepartment", "officeSpace", "responsiblePerson", "马斌"));
        Map<String, Object> registered = status(client, number, code).getBody();
        assertThat(registered).containsEntry("stageLabel", "已受理，责任科室签收中");
        assertThat(registered.get("deadline")).isNotNull();
        assertThat((List<Map<String, Object>>) registered.get("replies")).extracting(r -> r.get("text"))
                .containsExactly("您反映的问题已受理登记，正在督促责任科室限期整改。");
        assertThat(rate(client, number, code, 5, "好").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        complete(instance, ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY, "mabin", Map.of("claimDecision", "accept"));
        complete(instance, ProblemLifecycle.Elements.PLAN_RECTIFICATION, "hujing", Map.of("rectificationPlan", "公开分配规则，限时答复申请"));
        complete(instance, ProblemLifecycle.Elements.IMPLEMENT_RECTIFICATION, "hujing",
                Map.of("progressAction", "completed", "progressReport", "规则已公开，内部备注：马斌科长亲自督办"));
        complete(instance, ProblemLifecycle.Elements.VERIFY_RECTIFICATION, "wangfang",
                Map.of("verificationDecision", "pass", "verificationFindings", "现场核实"));
        // the evaluator sees what reporters said of the department (举报人评价)
        assertThat((String) engine.getTaskService().getVariable(openTask(instance, ProblemLifecycle.Elements.EVALUATE_SATISFACTION).getId(),
                ProblemLifecycle.Variables.REPORTER_RATINGS)).contains("举报人评价");
        complete(instance, ProblemLifecycle.Elements.EVALUATE_SATISFACTION, "zhoumin",
                Map.of("internalSatisfaction", 95, "recipientSatisfaction", 92, "evaluationNote", "问卷30份"));
        complete(instance, ProblemLifecycle.Elements.CLOSE_PROBLEM, "zhoumin",
                Map.of("officialReply", "您反映的办公用房分配问题已整改，分配规则已公开，感谢监督。"));

        ResponseEntity<Map> closed = status(client, number, code);
        assertThat(closed.getBody()).containsEntry("closed", true).containsEntry("canRate", true).containsEntry("stageLabel", "已办结");
        assertThat((List<Map<String, Object>>) closed.getBody().get("replies")).extracting(r -> r.get("text"))
                .containsExactly("您反映的问题已受理登记，正在督促责任科室限期整改。", "您反映的办公用房分配问题已整改，分配规则已公开，感谢监督。");
        // public replies only: no internal note, staff name, user id or contact
        String body = closed.getBody().toString();
        for (String secret : List.of("马斌", "mabin", "hujing", "wangfang", "zhoumin", "内部备注", "欧阳", "13800001111", "问卷")) {
            assertThat(body).doesNotContain(secret);
        }

        assertThat(rate(client, number, code, 6, null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rate(client, number, code, "5", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rate(client, number, code, 4, "很".repeat(501)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rate(client, number, "2222-2222-2222", 4, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> rated = rate(client, number, code, 4, "整改及时");
        assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rated.getBody()).containsEntry("score", 4).containsEntry("comment", "整改及时");
        ResponseEntity<Map> again = rate(client, number, code, 5, null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("message")).asString().contains("已评价");

        Map<String, Object> after = status(client, number, code).getBody();
        assertThat(after).containsEntry("canRate", false);
        assertThat((Map<String, Object>) after.get("rating")).containsEntry("score", 4).containsEntry("comment", "整改及时");
        assertThat(ledger.events(number)).extracting(ProblemLedger.Event::type).contains(EventType.PUBLIC_RATED);
        // counted for the responsible department on the service recipients' side
        Map<String, Object> office = ratingsOf("officeSpace").get(0);
        long earlier = before.isEmpty() ? 0 : ((Number) before.get(0).get("ratings")).longValue();
        long earlierSatisfied = before.isEmpty() ? 0 : ((Number) before.get(0).get("satisfied")).longValue();
        assertThat(((Number) office.get("ratings")).longValue()).isEqualTo(earlier + 1);
        assertThat(((Number) office.get("satisfied")).longValue()).isEqualTo(earlierSatisfied + 1);
        assertThat(office.get("departmentName")).isEqualTo("办公用房科");
    }

    @Test
    void theReportersRatingAfterClosureCountsInTheDepartmentsNextEvaluation() {
        // a spring of its own, so that only this test's ratings fall into the six-month window
        moveClockTo(LocalDateTime.of(2043, 3, 2, 9, 0));
        String client = newClient();
        ResponseEntity<Map> receipt = submit(client, Map.of("description", "办公用房科调配办公室时不公示结果，申请人多次询问无人回复",
                "departmentId", "officeSpace", "anonymous", true), List.of(), null);
        String number = (String) receipt.getBody().get("trackingNumber");
        String code = (String) receipt.getBody().get("queryCode");
        ProcessInstance first = instanceOf(number);
        rectified(first);
        // its own evaluation comes before its reporter can rate: nothing to count yet
        assertThat(engine.getTaskService().getVariable(openTask(first, ProblemLifecycle.Elements.EVALUATE_SATISFACTION).getId(),
                ProblemLifecycle.Variables.PUBLIC_RATING_COUNT)).isEqualTo(0L);
        complete(first, ProblemLifecycle.Elements.EVALUATE_SATISFACTION, "zhoumin",
                Map.of("internalSatisfaction", 95, "recipientSatisfaction", 90, "evaluationNote", "问卷10份"));
        complete(first, ProblemLifecycle.Elements.CLOSE_PROBLEM, "zhoumin", Map.of("officialReply", "调配结果已在公示栏公示，感谢您的监督。"));
        assertThat(rate(client, number, code, 1, "公示只贴了一天").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        moveClockTo(LocalDateTime.of(2043, 3, 9, 9, 0));
        ProcessInstance next = instanceOf((String) submit(newClient(), Map.of("description", "办公用房科答复申请超过一个月",
                "departmentId", "officeSpace", "anonymous", true), List.of(), null).getBody().get("trackingNumber"));
        rectified(next);
        String task = openTask(next, ProblemLifecycle.Elements.EVALUATE_SATISFACTION).getId();
        assertThat(engine.getTaskService().getVariable(task, ProblemLifecycle.Variables.PUBLIC_RATING_COUNT)).isEqualTo(1L);
        assertThat(engine.getTaskService().getVariable(task, ProblemLifecycle.Variables.PUBLIC_RATING_SATISFIED)).isEqualTo(0L);
        assertThat((String) engine.getTaskService().getVariable(task, ProblemLifecycle.Variables.REPORTER_RATINGS))
                .contains("共1条").contains("不满意（1–2分）1条").doesNotContain("公示只贴了一天");
        complete(next, ProblemLifecycle.Elements.EVALUATE_SATISFACTION, "zhoumin", Map.of("internalSatisfaction", 95,
                "recipientSatisfaction", 90, "recipientRespondents", 9, "evaluationNote", "问卷9份"));

        // (90 × 9 + 0) ÷ 10 = 81: the unhappy reporter's voice sends the department back to planning
        assertThat(engine.getRuntimeService().getVariable(next.getId(), ProblemLifecycle.Variables.COMBINED_RECIPIENT_SATISFACTION))
                .isEqualTo(81.0);
        assertThat(openTask(next, ProblemLifecycle.Elements.PLAN_RECTIFICATION)).isNotNull();
    }

    /** Registered to officeSpace and carried to the satisfaction evaluation by the demo users whose job it is. */
    private void rectified(ProcessInstance instance) {
        complete(instance, ProblemLifecycle.Elements.REGISTER_PROBLEM, "wangfang", Map.of("registrationDecision", "accept",
                "category", "efficiency", "severity", "general", "responsibleDepartment", "officeSpace", "responsiblePerson", "马斌"));
        complete(instance, ProblemLifecycle.Elements.CLAIM_RESPONSIBILITY, "mabin", Map.of("claimDecision", "accept"));
        complete(instance, ProblemLifecycle.Elements.PLAN_RECTIFICATION, "hujing", Map.of("rectificationPlan", "调配结果一律公示五个工作日"));
        complete(instance, ProblemLifecycle.Elements.IMPLEMENT_RECTIFICATION, "hujing",
                Map.of("progressAction", "completed", "progressReport", "已建立公示制度"));
        complete(instance, ProblemLifecycle.Elements.VERIFY_RECTIFICATION, "wangfang",
                Map.of("verificationDecision", "pass", "verificationFindings", "现场核实"));
    }

    @Test
    void aMergedReportFollowsTheProblemItWasMergedInto() {
        String client = newClient();
        ResponseEntity<Map> first = submit(client, Map.of("description", "车辆管理科派车推诿，公务用车申请三天无人处理",
                "departmentId", "vehicles", "anonymous", true), List.of(), null);
        ResponseEntity<Map> second = submit(newClient(), Map.of("description", "车辆管理科派车推诿，用车申请三天了还无人处理",
                "departmentId", "vehicles", "anonymous", true), List.of(), null);
        String original = (String) first.getBody().get("trackingNumber");
        String duplicate = (String) second.getBody().get("trackingNumber");
        String code = (String) second.getBody().get("queryCode");
        complete(instanceOf(original), ProblemLifecycle.Elements.REGISTER_PROBLEM, "wangfang", Map.of("registrationDecision", "accept",
                "category", "efficiency", "severity", "general", "responsibleDepartment", "vehicles", "responsiblePerson", "冯涛"));

        complete(instanceOf(duplicate), ProblemLifecycle.Elements.REGISTER_PROBLEM, "wangfang",
                Map.of("registrationDecision", "merge", "mergeTarget", original));

        Map<String, Object> status = status(client, duplicate, code).getBody();
        assertThat(status).containsEntry("trackingNumber", duplicate).containsEntry("mergedInto", original)
                .containsEntry("stage", "CLAIM").containsEntry("closed", false).containsEntry("canRate", false);
        assertThat(status.get("deadline")).isNotNull();
        assertThat((List<Map<String, Object>>) status.get("replies")).extracting(r -> r.get("text")).containsExactly(
                "您反映的问题与已受理的 " + original + " 为同一问题，已合并办理；以下为该问题的办理进度。",
                "您反映的问题已受理登记，正在督促责任科室限期整改。");
        assertThat(rate(client, duplicate, code, 5, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private ProcessInstance instanceOf(String number) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    @Test
    void refusedRegistrationIsToldInPublicWordsAndCannotBeRated() {
        String client = newClient();
        ResponseEntity<Map> receipt = submit(client, anonymousReport("楼下停车场收费太贵希望降价处理"), List.of(), null);
        String number = (String) receipt.getBody().get("trackingNumber");
        String code = (String) receipt.getBody().get("queryCode");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();

        complete(instance, ProblemLifecycle.Elements.REGISTER_PROBLEM, "wangfang", Map.of("registrationDecision", "reject",
                "rejectionReason", "outOfScope", "rejectionComment", "王芳核实：停车场属物业公司"));

        Map<String, Object> refused = status(client, number, code).getBody();
        assertThat(refused).containsEntry("stageLabel", "不予登记").containsEntry("closed", true).containsEntry("canRate", false);
        assertThat((List<Map<String, Object>>) refused.get("replies")).extracting(r -> r.get("text"))
                .containsExactly("经核查，您反映的事项不属于本单位职责范围，未予登记，建议向有关主管部门反映。");
        assertThat(refused.toString()).doesNotContain("王芳").doesNotContain("物业");
        assertThat(rate(client, number, code, 3, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void sameIdempotencyKeyReturnsTheSameTrackingNumberAndCodeAndOtherContentIsRefused() {
        String key = "page-" + newClient();
        Map<String, Object> report = anonymousReport("会议室预约系统长期无法使用无人维修");
        ResponseEntity<Map> first = submit(newClient(), report, List.of(JPEG), key);
        long problems = count("problem");

        ResponseEntity<Map> replay = submit(newClient(), report, List.of(JPEG), key);
        ResponseEntity<Map> other = submit(newClient(), anonymousReport("另一件事：食堂卫生状况差"), List.of(), key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replay.getBody().get("trackingNumber")).isEqualTo(first.getBody().get("trackingNumber"));
        // the retry of a request whose answer was lost is told the query code again, and it works
        assertThat(replay.getBody()).containsEntry("queryCode", first.getBody().get("queryCode"));
        assertThat(status(newClient(), (String) first.getBody().get("trackingNumber"), (String) replay.getBody().get("queryCode"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(other.getBody()).doesNotContainKey("queryCode");
        assertThat(count("problem")).isEqualTo(problems);
    }

    private List<Map<String, Object>> ratingsOf(String department) {
        ResponseEntity<List> ratings = staffGet("zhoumin", "/api/intake/ratings?from=2026-01-01&to=2026-12-31", List.class);
        assertThat(ratings.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) ratings.getBody()).stream().filter(r -> department.equals(r.get("departmentId"))).toList();
    }

    static Map<String, Object> with(Map<String, Object> report, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(report);
        copy.put(key, value);
        return copy;
    }
}
