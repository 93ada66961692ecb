-- Rate cards that match a deployment by name or a model by exact name, prefix or regular expression, with an
-- optional long-context tier and the reason a version was published.
-- The column deployment keeps its name and now holds the pattern the version matches (match_kind says how).

alter table rate_card
    add column match_kind text not null default 'DEPLOYMENT',
    add column reason text,
    add column long_context_threshold bigint,
    add column long_prompt_per_1m numeric,
    add column long_cached_prompt_per_1m numeric,
    add column long_completion_per_1m numeric,
    add column long_reasoning_per_1m numeric;

alter table rate_card
    add constraint rate_card_match_kind_ck
        check (match_kind in ('DEPLOYMENT', 'MODEL_EXACT', 'MODEL_PREFIX', 'MODEL_REGEX')),
    add constraint rate_card_long_context_ck check (
        (long_context_threshold is null and long_prompt_per_1m is null and long_cached_prompt_per_1m is null
            and long_completion_per_1m is null and long_reasoning_per_1m is null)
        or (long_context_threshold >= 0 and long_prompt_per_1m >= 0 and long_cached_prompt_per_1m >= 0
            and long_completion_per_1m >= 0 and long_reasoning_per_1m >= 0));

alter table rate_card drop constraint rate_card_version_uk;

alter table rate_card
    add constraint rate_card_version_uk unique (match_kind, deployment, effective_from);
