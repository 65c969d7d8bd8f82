package org.qingfeng.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Complaints as people write them: the same matter in other words reads alike, another matter does not. */
class TextSimilarityTests {

    /** qingfeng.intake.duplicates.threshold in application.yaml. */
    private static final double THRESHOLD = 0.4;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "食堂窗口工作人员态度恶劣，对排队的群众大声呵斥。|在食堂打饭时，窗口工作人员态度恶劣，大声呵斥排队群众",
            "办事大厅3号窗口工作人员上班时间玩手机，群众排队等候很久无人理会|办事大厅3号窗口的工作人员上班时间一直在玩手机，让群众排队等了很久",
            "车辆调度不透明，公车私用现象突出|公车私用，车辆调度安排不公开不透明",
            "会议室预订系统显示空闲，到场后却被告知已被占用，白跑一趟|会议室在预订系统里显示空闲，到了现场却说已经被占用了",
    })
    void theSameComplaintWordedDifferentlyReadsAlike(String first, String second) {
        assertThat(TextSimilarity.dice(first, second)).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(TextSimilarity.dice(second, first)).isEqualTo(TextSimilarity.dice(first, second));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "食堂窗口工作人员态度恶劣，对排队的群众大声呵斥。|食堂饭菜价格上涨，分量明显减少",
            "办事大厅3号窗口工作人员上班时间玩手机，群众排队等候很久无人理会|办事大厅自助服务机经常故障，无人维修",
            "不动产登记窗口办理材料要求反复变化，跑了三次还没办成|不动产登记窗口工作人员收受办事群众的购物卡",
            "车辆调度不透明，公车私用现象突出|驾驶员出车登记不规范，油卡管理混乱",
            "食堂窗口工作人员服务态度生硬|食堂卫生状况差，餐具消毒不到位",
    })
    void differentProblemsOfTheSameDepartmentDoNot(String first, String second) {
        assertThat(TextSimilarity.dice(first, second)).isLessThan(THRESHOLD);
    }

    @Test
    void punctuationWidthAndFunctionCharactersDoNotCount() {
        assertThat(TextSimilarity.normalise("３号窗口，ＡＢ 的 态度很差！")).isEqualTo("3号窗口ab态度差");
        assertThat(TextSimilarity.dice("３号窗口态度差！", "3号窗口的态度很差")).isEqualTo(1.0);
    }

    @Test
    void emptyTextIsLikeNothing() {
        assertThat(TextSimilarity.dice("", "食堂态度差")).isZero();
        assertThat(TextSimilarity.dice((String) null, null)).isZero();
        assertThat(TextSimilarity.dice("，。！", "，。！")).isZero();
    }

    @Test
    void aBigramCountsOnceHoweverOftenItIsWritten() {
        assertThat(TextSimilarity.fingerprint("态度态度态度")).hasSize(2);
        // {态度, 度差} against {态度, 度态, 度差}: 2·2 / (2 + 3)
        assertThat(TextSimilarity.dice("态度差", "态度态度差")).isEqualTo(0.8);
    }

    @Test
    void aSingleCharacterIsItsOwnBigramAndCharactersBeyondTheBasicPlaneCount() {
        assertThat(TextSimilarity.dice("堵", "堵")).isEqualTo(1.0);
        assertThat(TextSimilarity.dice("堵", "堵车")).isZero();
        assertThat(TextSimilarity.fingerprint("𠀀𠀁")).hasSize(1);
        assertThat(TextSimilarity.dice("𠀀𠀁窗口", "窗口𠀀𠀁")).isGreaterThan(0.5);
    }
}
