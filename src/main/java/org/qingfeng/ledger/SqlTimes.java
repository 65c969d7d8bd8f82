package org.qingfeng.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moments between the engine's {@link Date}s and the ledger's timestamp columns; "now" is the engine clock's. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The engine clock's present moment, for a timestamp column. */
    public static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    public static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }

    public static Date date(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : new Date(value.getTime());
    }
}
