package org.qingfeng.report;

import java.time.YearMonth;
import java.util.List;

/**
 * One part of the monthly bulletin (月度通报), contributed by the capability that owns its records: rates and
 * ranking, overdue items, interviews, letters, rebounds, accountability. Each becomes a sheet of the document and a
 * line of its overview.
 */
public interface BulletinSection {

    /** Position in the bulletin; lower comes first. */
    int order();

    /** Sheet name, Chinese, at most 31 characters. */
    String title();

    /** Column headers of the sheet. */
    List<String> headers();

    /** The rows for the month, each as many values as there are headers (numbers stay numbers). */
    List<List<Object>> rows(YearMonth month);

    /** The section's line in the overview; by default its title and how many rows it has. */
    default String summary(YearMonth month, List<List<Object>> rows) {
        return title() + "：" + rows.size() + " 项";
    }
}
