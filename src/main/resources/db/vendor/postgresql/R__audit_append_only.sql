-- audit_entry is append-only: rows can be inserted, never changed or removed (not even by TRUNCATE).
-- A superuser can still switch the triggers off; the hash chain (GET /api/audit/verify) shows what was changed then.
create or replace function audit_entry_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end;
$$;

drop trigger if exists audit_entry_append_only on audit_entry;
create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

drop trigger if exists audit_entry_no_truncate on audit_entry;
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();

-- Waiting entries (audit_pending) are never changed; the sealer deletes them as it chains them.
drop trigger if exists audit_pending_unchanged on audit_pending;
create trigger audit_pending_unchanged
    before update on audit_pending
    for each row execute function audit_entry_refuse_change();
