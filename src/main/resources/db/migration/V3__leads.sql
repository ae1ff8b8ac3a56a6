-- Leads: one customer's interest in buying, its activities, the first-response misses managers are told about,
-- and the routing state that makes round-robin fair. The rules that protect data are here, not only in Java:
-- one open lead per customer (duplicate intake), one lead per provider lead id (portal retries), the lost
-- reason, the stored grade being the effective one, and every reference staying inside its dealer.

CREATE TABLE lead (
    dealer_id                uuid        NOT NULL REFERENCES dealer (id),
    id                       uuid        NOT NULL,
    customer_id              uuid        NOT NULL,
    status                   text        NOT NULL CHECK (status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'TEST_DRIVE',
                                                                    'QUOTED', 'WON', 'LOST', 'DORMANT')),
    source                   text        NOT NULL CHECK (source IN ('WALK_IN', 'PHONE', 'WEBSITE',
                                             'THIRD_PARTY_PORTAL', 'REFERRAL', 'CAMPAIGN', 'EVENT', 'OTHER')),
    provider                 text        CHECK (length(provider) BETWEEN 1 AND 100),
    provider_lead_id         text        CHECK (length(provider_lead_id) BETWEEN 1 AND 100),
    CHECK (provider_lead_id IS NULL OR provider IS NOT NULL),
    -- {"items": [...]}: an object, because Hibernate Reactive reads JSON columns as objects
    interests                jsonb       NOT NULL DEFAULT '{"items": []}'::jsonb
                                         CHECK (jsonb_typeof(interests -> 'items') = 'array'),
    trade_in                 jsonb       CHECK (jsonb_typeof(trade_in) = 'object'),
    timeframe_earliest       date,
    timeframe_latest         date,
    CHECK (timeframe_latest >= timeframe_earliest),
    computed_grade           text        NOT NULL CHECK (computed_grade IN ('H', 'A', 'B', 'C')),
    grade_override           text        CHECK (grade_override IN ('H', 'A', 'B', 'C')),
    grade_override_reason    text        CHECK (length(grade_override_reason) BETWEEN 1 AND 500),
    CHECK ((grade_override IS NULL) = (grade_override_reason IS NULL)),
    grade                    text        NOT NULL,
    CHECK (grade = coalesce(grade_override, computed_grade)),
    assignee_id              uuid,
    assigned_at              timestamptz,
    CHECK ((assignee_id IS NULL) = (assigned_at IS NULL)),
    next_follow_up_at        timestamptz NOT NULL,
    response_due_at          timestamptz NOT NULL,
    first_contact_at         timestamptz,
    first_response_seconds   bigint      CHECK (first_response_seconds >= 0),
    CHECK ((first_contact_at IS NULL) = (first_response_seconds IS NULL)),
    response_missed_at       timestamptz,
    lost_reason              text        CHECK (length(lost_reason) BETWEEN 1 AND 500),
    CHECK ((status = 'LOST') = (lost_reason IS NOT NULL)),
    comments                 text        CHECK (length(comments) <= 4000),
    requested_at             timestamptz,
    created_by               uuid        NOT NULL,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    version                  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, customer_id) REFERENCES customer (dealer_id, id),
    FOREIGN KEY (dealer_id, assignee_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, created_by) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX lead_id_uq ON lead (id);
-- duplicate intake: a customer has at most one open lead
CREATE UNIQUE INDEX lead_open_per_customer_uq ON lead (dealer_id, customer_id)
    WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'TEST_DRIVE', 'QUOTED');
-- portal retries: the same provider lead is one lead
CREATE UNIQUE INDEX lead_provider_uq ON lead (dealer_id, provider, provider_lead_id)
    WHERE provider_lead_id IS NOT NULL;
-- the tablet's list: mine (or the pool) by next follow-up
CREATE INDEX lead_assignee_follow_up_idx ON lead (dealer_id, assignee_id, next_follow_up_at, id);
CREATE INDEX lead_follow_up_idx ON lead (dealer_id, next_follow_up_at, id);
CREATE INDEX lead_updated_idx ON lead (dealer_id, updated_at, id);
-- the first-response job: only leads still waiting for a first contact
CREATE INDEX lead_response_due_idx ON lead (response_due_at) WHERE status = 'NEW' AND response_missed_at IS NULL;

-- intake matches customers by email when the phone does not match
CREATE INDEX customer_email_idx ON customer (dealer_id, lower(email)) WHERE deleted_at IS NULL AND email IS NOT NULL;

CREATE TABLE lead_activity (
    dealer_id    uuid        NOT NULL,
    id           uuid        NOT NULL,
    lead_id      uuid        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('CALL', 'MESSAGE', 'VISIT', 'NOTE', 'INTEREST')),
    channel      text        CHECK (channel IN ('PHONE', 'SMS', 'WECHAT', 'EMAIL', 'IN_PERSON', 'PORTAL', 'OTHER')),
    outcome      text        CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'CALL_BACK_REQUESTED', 'APPOINTMENT_SET',
                                                 'NOT_INTERESTED', 'WRONG_NUMBER', 'OTHER')),
    notes        text        CHECK (length(notes) <= 4000),
    details      jsonb       CHECK (jsonb_typeof(details) = 'object'),
    staff_id     uuid        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id),
    FOREIGN KEY (dealer_id, staff_id) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX lead_activity_id_uq ON lead_activity (id);
CREATE INDEX lead_activity_lead_idx ON lead_activity (dealer_id, lead_id, occurred_at, id);

-- What a third party sent, as it sent it: the fields that map to nothing are kept here.
CREATE TABLE lead_source_record (
    dealer_id     uuid        NOT NULL,
    lead_id       uuid        NOT NULL,
    format        text        NOT NULL CHECK (format IN ('JSON', 'ADF_XML')),
    payload       text        NOT NULL,
    unmapped      jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(unmapped) = 'object'),
    received_at   timestamptz NOT NULL,
    PRIMARY KEY (dealer_id, lead_id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id)
);

-- A first contact that did not happen in time: the managers' "overdue" list. One row per lead, ever.
CREATE TABLE lead_response_miss (
    dealer_id        uuid        NOT NULL,
    lead_id          uuid        NOT NULL,
    assignee_id      uuid,
    due_at           timestamptz NOT NULL,
    detected_at      timestamptz NOT NULL,
    PRIMARY KEY (dealer_id, lead_id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id),
    FOREIGN KEY (dealer_id, assignee_id) REFERENCES staff (dealer_id, id)
);
CREATE INDEX lead_response_miss_detected_idx ON lead_response_miss (dealer_id, detected_at DESC, lead_id DESC);

-- When each salesperson last received a lead: round-robin gives the next one to the least recent. The turn is a
-- sequence number drawn while the dealer's routing lock is held, so it orders turns exactly as they were taken
-- (timestamps taken at the start of concurrent requests would not).
CREATE SEQUENCE lead_routing_turn;
CREATE TABLE lead_routing (
    dealer_id         uuid        NOT NULL,
    staff_id          uuid        NOT NULL,
    last_turn         bigint      NOT NULL,
    last_assigned_at  timestamptz NOT NULL,
    PRIMARY KEY (dealer_id, staff_id),
    FOREIGN KEY (dealer_id, staff_id) REFERENCES staff (dealer_id, id)
);
