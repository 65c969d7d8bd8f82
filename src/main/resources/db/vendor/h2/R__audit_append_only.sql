-- audit_entry is append-only: rows can be inserted, never changed or removed. H2 cannot guard TRUNCATE or
-- DROP TABLE with a trigger; the hash chain (GET /api/audit/verify) shows either.
drop trigger if exists audit_entry_append_only;
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'org.qingfeng.ledger.audit.AppendOnlyTrigger';

-- Waiting entries (audit_pending) are never changed; the sealer deletes them as it chains them.
drop trigger if exists audit_pending_unchanged;
create trigger audit_pending_unchanged before update on audit_pending
    for each row call 'org.qingfeng.ledger.audit.AppendOnlyTrigger';
