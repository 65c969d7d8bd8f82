-- A month's department figures, frozen when the month closes so later edits never rewrite a past review.
create table rate_snapshot (
    period_month    varchar(7)  not null,
    department_id   varchar(40) not null references department (id),
    due             int         not null,
    closed          int         not null,
    closed_on_time  int         not null,
    open_count      int         not null,
    overdue         int         not null,
    frozen_at       timestamp   not null,
    primary key (period_month, department_id)
);
