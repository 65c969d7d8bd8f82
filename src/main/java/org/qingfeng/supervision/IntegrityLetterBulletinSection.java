package org.qingfeng.supervision;

import java.time.YearMonth;
import java.util.List;
import org.qingfeng.report.BulletinDates;
import org.qingfeng.report.BulletinSection;
import org.springframework.stereotype.Component;

/** The month's 廉洁提醒函 in the monthly bulletin (月度通报): to whom, why, and whether the department replied. */
@Component
public class IntegrityLetterBulletinSection implements BulletinSection {


    private final IntegrityLetters letters;
    private final BulletinDates dates;

    public IntegrityLetterBulletinSection(IntegrityLetters letters, BulletinDates dates) {
        this.letters = letters;
        this.dates = dates;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String title() {
        return "廉洁提醒函";
    }

    @Override
    public List<String> headers() {
        return List.of("编号", "科室", "发起方式", "预警事由", "发函日期", "答复期限", "答复情况", "状态");
    }

    /** The letters sent in the month. */
    @Override
    public List<List<Object>> rows(YearMonth month) {
        return letters.sentIn(month).stream()
                .map(l -> List.<Object>of(l.number(), l.departmentName(), l.originLabel(), l.reason(), dates.day(l.sentAt()),
                        dates.day(l.replyDue()), replyState(l), l.statusLabel()))
                .toList();
    }

    @Override
    public String summary(YearMonth month, List<List<Object>> rows) {
        List<IntegrityLetter> sent = letters.sentIn(month);
        long replied = sent.stream().filter(l -> l.repliedAt() != null).count();
        long escalated = sent.stream().filter(IntegrityLetter::escalated).count();
        return "廉洁提醒函：发出 " + sent.size() + " 件，已答复 " + replied + " 件，逾期未答复报分管领导督促 " + escalated + " 件";
    }

    /** 答复情况 as the bulletin states it. */
    String replyState(IntegrityLetter letter) {
        String urged = letter.escalated() ? "逾期未答复，已报分管领导督促" : "";
        if (letter.repliedAt() != null) {
            return "已答复（" + dates.day(letter.repliedAt()) + "）" + (urged.isEmpty() ? "" : "；" + urged);
        }
        return urged.isEmpty() ? "待答复" : urged;
    }
}
