package org.qingfeng.ledger;

/**
 * A department's figures for one month, as DESIGN.md defines them: of its registered, non-rejected problems whose
 * deadline fell on or before the month's end, the share closed by then (整改率) and the share closed by their
 * deadline (按期整改率). Rates are null when nothing was due.
 */
public record DepartmentRate(
        String departmentId,
        String departmentName,
        int due,
        int closed,
        int closedOnTime,
        Double rectificationRate,
        Double onTimeRate,
        int open,
        int overdue) {

    /** The figures with their rates derived from the counts. */
    public static DepartmentRate of(String departmentId, String departmentName, int due, int closed, int closedOnTime,
            int open, int overdue) {
        return new DepartmentRate(departmentId, departmentName, due, closed, closedOnTime,
                due == 0 ? null : (double) closed / due, due == 0 ? null : (double) closedOnTime / due, open, overdue);
    }
}
