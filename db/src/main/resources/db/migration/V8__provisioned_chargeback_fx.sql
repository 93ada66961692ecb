-- Provisioned (PTU) commitments, chargeback models and FX rates per billing period.

-- One immutable version of a deployment's provisioned commitment, in force from effective_from (midnight in the
-- business zone) until the deployment's next version. billing ENDED ends the commitment. rate_card_id is the
-- zero-price deployment card published with the version, so that tokens on the deployment cost nothing per token.
create table provisioned_commitment (
    commitment_id            bigint generated always as identity,
    deployment               text        not null,
    effective_from           date        not null,
    billing                  text        not null,
    amount                   numeric     not null,
    currency                 char(3)     not null,
    allocation               text        not null,
    owner_tenant             text,
    idle_to                  text        not null,
    capacity_tokens_per_hour bigint,
    rate_card_id             bigint,
    reason                   text,
    created_at               timestamptz not null default now(),
    created_by               text        not null,
    constraint provisioned_commitment_pk primary key (commitment_id),
    constraint provisioned_commitment_version_uk unique (deployment, effective_from),
    constraint provisioned_commitment_billing_ck check (billing in ('HOURLY', 'MONTHLY', 'ENDED')),
    constraint provisioned_commitment_allocation_ck check (allocation in ('USAGE_SHARE', 'EVEN', 'OWNER')),
    constraint provisioned_commitment_idle_to_ck check (idle_to in ('OWNER', 'POOL')),
    constraint provisioned_commitment_amount_ck check (amount >= 0),
    constraint provisioned_commitment_capacity_ck check (capacity_tokens_per_hour is null
        or capacity_tokens_per_hour > 0),
    constraint provisioned_commitment_owner_ck check (owner_tenant is not null
        or (allocation <> 'OWNER' and idle_to <> 'OWNER')),
    constraint provisioned_commitment_rate_card_fk foreign key (rate_card_id) references rate_card (rate_card_id)
);

-- How a tenant or a cost center is charged from a billing period on (effective_from is the first day of a month):
-- at cost, with a markup or a discount in percent, or free (shown, not charged). A tenant's own model wins over its
-- cost center's.
create table chargeback_model (
    model_id       bigint generated always as identity,
    scope          text        not null,
    subject        text        not null,
    effective_from date        not null,
    kind           text        not null,
    percent        numeric     not null default 0,
    reason         text,
    created_at     timestamptz not null default now(),
    created_by     text        not null,
    constraint chargeback_model_pk primary key (model_id),
    constraint chargeback_model_version_uk unique (scope, subject, effective_from),
    constraint chargeback_model_scope_ck check (scope in ('TENANT', 'COST_CENTER')),
    constraint chargeback_model_kind_ck check (kind in ('AT_COST', 'MARKUP', 'DISCOUNT', 'FREE')),
    constraint chargeback_model_percent_ck check (percent >= 0 and (kind <> 'DISCOUNT' or percent <= 100)),
    constraint chargeback_model_month_ck check (extract(day from effective_from) = 1)
);

-- The rate that converts one unit of currency into the reporting currency for a billing period, as entered; kept
-- with the period so that a past month never changes when rates move.
create table fx_rate (
    period             date        not null,
    currency           char(3)     not null,
    reporting_currency char(3)     not null,
    rate               numeric     not null,
    entered_at         timestamptz not null default now(),
    entered_by         text        not null,
    source             text,
    constraint fx_rate_pk primary key (period, currency),
    constraint fx_rate_positive_ck check (rate > 0),
    constraint fx_rate_month_ck check (extract(day from period) = 1),
    constraint fx_rate_not_reporting_ck check (currency <> reporting_currency)
);
