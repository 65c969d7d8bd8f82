package org.qingfeng.ledger.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's guard of {@code audit_entry}: refuses every UPDATE and DELETE (laid by db/vendor/h2/R__audit_append_only.sql).
 * PostgreSQL has a PL/pgSQL trigger of its own.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
