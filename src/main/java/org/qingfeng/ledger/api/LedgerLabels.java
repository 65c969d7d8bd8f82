package org.qingfeng.ledger.api;

import java.util.Map;
import org.qingfeng.engine.FormCatalog;
import org.qingfeng.ledger.ProblemStatus;
import org.qingfeng.ledger.Stage;
import org.qingfeng.ledger.WarningColour;
import org.springframework.stereotype.Component;

/** Chinese names of the ledger's codes, for exports; choice labels come from the forms people fill in. */
@Component
public class LedgerLabels {

    private static final Map<ProblemStatus, String> STATUS = Map.of(
            ProblemStatus.REPORTED, "待登记",
            ProblemStatus.REJECTED, "不予登记",
            ProblemStatus.REGISTERED, "整改中",
            ProblemStatus.CLOSED, "已销号",
            ProblemStatus.CONSOLIDATED, "已巩固",
            ProblemStatus.REBOUNDED, "已反弹",
            ProblemStatus.MERGED, "已合并");
    private static final Map<Stage, String> STAGE = Map.ofEntries(
            Map.entry(Stage.REGISTRATION, "登记"),
            Map.entry(Stage.CLAIM, "签收认领"),
            Map.entry(Stage.RETURN_REVIEW, "退回审核"),
            Map.entry(Stage.PLANNING, "制定整改方案"),
            Map.entry(Stage.RECTIFICATION, "实施整改"),
            Map.entry(Stage.EXTENSION_REVIEW, "延期审批"),
            Map.entry(Stage.VERIFICATION, "核查"),
            Map.entry(Stage.EVALUATION, "满意度测评"),
            Map.entry(Stage.CLOSURE, "销号"),
            Map.entry(Stage.AWAITING_REVISIT, "待回头看"),
            Map.entry(Stage.REVISIT, "回头看"),
            Map.entry(Stage.FINISHED, "已办结"));
    private static final Map<WarningColour, String> WARNING = Map.of(
            WarningColour.NONE, "", WarningColour.YELLOW, "黄牌", WarningColour.RED, "红牌");

    private final Map<String, String> channels;
    private final Map<String, String> reporterTypes;
    private final Map<String, String> categories;
    private final Map<String, String> severities;

    public LedgerLabels(FormCatalog forms) {
        channels = forms.options("report-problem", "channel");
        reporterTypes = forms.options("report-problem", "reporterType");
        categories = forms.options("register-problem", "category");
        severities = forms.options("register-problem", "severity");
    }

    public Map<String, String> channels() {
        return channels;
    }

    public Map<String, String> categories() {
        return categories;
    }

    public Map<String, String> severities() {
        return severities;
    }

    public String status(ProblemStatus status) {
        return STATUS.get(status);
    }

    public String stage(Stage stage) {
        return STAGE.get(stage);
    }

    /** Where an open problem stands, in one word: 待登记 while it awaits registration, its stage after. */
    public String progress(ProblemStatus status, Stage stage) {
        return status == ProblemStatus.REPORTED ? status(status) : stage(stage);
    }

    public String warning(WarningColour colour) {
        return WARNING.get(colour);
    }

    public String channel(String code) {
        return label(channels, code);
    }

    public String reporterType(String code) {
        return label(reporterTypes, code);
    }

    public String category(String code) {
        return label(categories, code);
    }

    public String severity(String code) {
        return label(severities, code);
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}
