package org.qingfeng.ledger.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's guard of {@code audit_entry}: refuses every UPDATE and DELETE (laid by db/vendor/h2/R__audit_append_only.sql);
 * also refuses UPDATE of {@code audit_pending}.
 * PostgreSQL has a PL/pgSQL trigger of its own.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table = "audit_entry";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
