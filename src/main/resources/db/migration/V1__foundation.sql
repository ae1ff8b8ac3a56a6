-- Foundation: dealers, staff, customers, idempotency keys and the audit trail.
-- Every business row carries dealer_id, and every reference between rows goes through (dealer_id, id), so the
-- database itself refuses a row that points into another dealer.

CREATE TABLE dealer (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone   text        NOT NULL DEFAULT 'Asia/Shanghai',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff (
    dealer_id      uuid        NOT NULL REFERENCES dealer (id),
    id             uuid        NOT NULL,
    subject        text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    roles          text[]      NOT NULL CHECK (roles <@ ARRAY['sales', 'sales-manager', 'after-sales',
                                   'customer-service', 'finance', 'admin', 'integration']::text[]),
    active         boolean     NOT NULL DEFAULT true,
    first_seen_at  timestamptz,
    last_seen_at   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    UNIQUE (dealer_id, subject)
);

CREATE TABLE customer (
    dealer_id             uuid        NOT NULL REFERENCES dealer (id),
    id                    uuid        NOT NULL,
    name                  text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    phone                 text        NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email                 text        CHECK (length(email) <= 254 AND email LIKE '%_@_%'),
    wechat_id             text        CHECK (length(wechat_id) BETWEEN 1 AND 64),
    gender                text        CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED')),
    city                  text        CHECK (length(city) <= 100),
    preferred_channel     text        CHECK (preferred_channel IN ('PHONE', 'SMS', 'WECHAT', 'EMAIL', 'VISIT')),
    preferred_time        text        CHECK (preferred_time IN ('MORNING', 'NOON', 'AFTERNOON', 'EVENING',
                                                                'WEEKEND', 'ANYTIME')),
    contact_consent       boolean     NOT NULL DEFAULT false,
    contact_consent_at    timestamptz,
    marketing_consent     boolean     NOT NULL DEFAULT false,
    marketing_consent_at  timestamptz,
    -- marketing without consent to be contacted at all makes no sense
    CHECK (NOT marketing_consent OR contact_consent),
    notes                 text        CHECK (length(notes) <= 4000),
    owner_id              uuid,
    source                text        CHECK (source IN ('WALK_IN', 'PHONE', 'WEBSITE', 'THIRD_PARTY_PORTAL',
                                                        'REFERRAL', 'CAMPAIGN', 'EVENT', 'OTHER')),
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    deleted_at            timestamptz,
    version               bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, owner_id) REFERENCES staff (dealer_id, id)
);
-- a client-chosen id is accepted once, whatever the dealer
CREATE UNIQUE INDEX customer_id_uq ON customer (id);
CREATE UNIQUE INDEX customer_phone_uq ON customer (dealer_id, phone) WHERE deleted_at IS NULL;
CREATE INDEX customer_created_idx ON customer (dealer_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX customer_owner_created_idx ON customer (dealer_id, owner_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX customer_updated_idx ON customer (dealer_id, updated_at, id);
CREATE INDEX customer_name_idx ON customer (dealer_id, lower(name) text_pattern_ops) WHERE deleted_at IS NULL;

-- One row per (caller, key). It is inserted before the work and completed with the response in the same
-- transaction, so a concurrent duplicate waits on the primary key and then reads the committed response.
CREATE TABLE idempotency_key (
    dealer_id        uuid        NOT NULL,
    staff_id         uuid        NOT NULL,
    key              text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash     text        NOT NULL,
    response_status  int,
    response_body    text,
    location         text,
    etag             text,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (dealer_id, staff_id, key),
    FOREIGN KEY (dealer_id, staff_id) REFERENCES staff (dealer_id, id)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);

CREATE TABLE audit_event (
    dealer_id      uuid        NOT NULL REFERENCES dealer (id),
    id             uuid        NOT NULL,
    resource_type  text        NOT NULL,
    resource_id    uuid        NOT NULL,
    action         text        NOT NULL,
    actor_id       uuid,
    actor_name     text,
    request_id     text,
    occurred_at    timestamptz NOT NULL,
    changes        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, actor_id) REFERENCES staff (dealer_id, id)
);
CREATE INDEX audit_event_resource_idx ON audit_event (dealer_id, resource_type, resource_id, occurred_at, id);
