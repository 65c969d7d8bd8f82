-- The audit trail (审计日志): every change of the ledger and every timeline entry, who and when, in one hash chain.
-- Append-only: triggers refusing UPDATE and DELETE are laid by the repeatable migration of each database under
-- db/vendor/<database>/. No cleanup touches these tables; Camunda's history cleanup only knows its own tables.

-- The end of the chain. A writer locks this row for the last moment of its transaction, so entries are numbered
-- and chained one transaction after the other, across every node of a cluster.
create table audit_chain_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);

insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_entry (
    seq         bigint         primary key,
    recorded_at timestamp      not null,
    actor       varchar(64)    not null,
    problem_id  bigint,
    kind        varchar(10)    not null,
    operation   varchar(60)    not null,
    activity_id varchar(100),
    event_id    bigint,
    detail      varchar(20000),
    prev_hash   varchar(64)    not null,
    entry_hash  varchar(64)    not null
);

create index audit_entry_problem_idx on audit_entry (problem_id, seq);
