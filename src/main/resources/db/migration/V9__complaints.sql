-- Complaints (投诉), handled on time and fairly. PostgreSQL keeps the lines that protect the customer and the staff:
-- a safety issue is always CRITICAL, the handler is never someone the complaint names, a resolution has its root
-- cause and actions, compensation above the dealer's limit has a manager's approval, and the SLA clock's pause
-- matches the WAITING_CUSTOMER status.

CREATE TABLE complaint (
    dealer_id                 uuid          NOT NULL REFERENCES dealer (id),
    id                        uuid          NOT NULL,
    customer_id               uuid          NOT NULL,
    order_id                  uuid,
    delivery_id               uuid,
    vehicle_id                uuid,
    lead_id                   uuid,
    category                  text          NOT NULL CHECK (category IN ('SALES_PROCESS', 'PRICING', 'DELIVERY',
                                                'VEHICLE_QUALITY', 'SERVICE_REPAIR', 'STAFF_ATTITUDE', 'BILLING',
                                                'OTHER')),
    severity                  text          NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    safety_issue              boolean       NOT NULL DEFAULT false,
    CONSTRAINT complaint_safety_is_critical CHECK (NOT safety_issue OR severity = 'CRITICAL'),
    channel                   text          NOT NULL CHECK (channel IN ('WALK_IN', 'PHONE', 'WECHAT', 'EMAIL',
                                                'SOCIAL_MEDIA', 'MANUFACTURER_HOTLINE')),
    description               text          NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    desired_outcome           text          CHECK (length(desired_outcome) BETWEEN 1 AND 1000),
    staff_involved            uuid[]        NOT NULL DEFAULT '{}' CHECK (cardinality(staff_involved) <= 20),
    attachments               text[]        NOT NULL DEFAULT '{}' CHECK (cardinality(attachments) <= 20),
    status                    text          NOT NULL CHECK (status IN ('RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING',
                                                'WAITING_CUSTOMER', 'ESCALATED', 'RESOLVED', 'CLOSED')),
    handler_id                uuid,
    CONSTRAINT complaint_handler_not_involved CHECK (handler_id IS NULL OR NOT (handler_id = ANY (staff_involved))),
    -- the SLA clocks: deadlines fixed at registration from the dealer's settings; the resolution deadline moves
    -- by the time spent waiting for the customer
    received_at               timestamptz   NOT NULL,
    acknowledge_due_at        timestamptz   NOT NULL CHECK (acknowledge_due_at > received_at),
    resolve_due_at            timestamptz   NOT NULL CHECK (resolve_due_at > received_at),
    acknowledged_at           timestamptz,
    paused_seconds            bigint        NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
    paused_since              timestamptz,
    CONSTRAINT complaint_paused_while_waiting CHECK ((status = 'WAITING_CUSTOMER') = (paused_since IS NOT NULL)),
    resolved_at               timestamptz,
    closed_at                 timestamptz,
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    -- escalation: to customer service's head when a deadline passes, to the general manager this long after
    second_escalation_hours   int           NOT NULL CHECK (second_escalation_hours BETWEEN 1 AND 720),
    escalation_level          int           NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
    -- the time waited for the customer at the last escalation: later waits do not count toward the next one
    escalation_paused_seconds bigint        NOT NULL DEFAULT 0 CHECK (escalation_paused_seconds >= 0),
    escalated_at              timestamptz,
    escalated_to              uuid,
    CHECK ((escalation_level = 0) = (escalated_at IS NULL)),
    -- the investigation and the resolution
    investigation_notes       text          CHECK (length(investigation_notes) <= 20000),
    root_cause_category       text          CHECK (root_cause_category IN ('PROCESS', 'PRODUCT', 'STAFF',
                                                'COMMUNICATION', 'SUPPLIER', 'CUSTOMER_EXPECTATION', 'OTHER')),
    root_cause                text          CHECK (length(root_cause) BETWEEN 1 AND 4000),
    actions_taken             text          CHECK (length(actions_taken) BETWEEN 1 AND 4000),
    CONSTRAINT complaint_resolution_complete CHECK (status NOT IN ('RESOLVED', 'CLOSED') OR (resolved_at IS NOT NULL
        AND root_cause_category IS NOT NULL AND root_cause IS NOT NULL AND actions_taken IS NOT NULL)),
    currency                  text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    compensation_kind         text          CHECK (compensation_kind IN ('CASH', 'GOODWILL')),
    compensation_amount       numeric(15,2) CHECK (compensation_amount >= 0),
    compensation_description  text          CHECK (length(compensation_description) BETWEEN 1 AND 500),
    CHECK ((compensation_kind IS NULL) = (compensation_amount IS NULL)),
    -- the dealer's approval limit when the compensation was decided, and a manager's approval of an amount
    compensation_limit        numeric(15,2) CHECK (compensation_limit >= 0),
    approved_amount           numeric(15,2) CHECK (approved_amount >= 0),
    approved_by               uuid,
    approved_at               timestamptz,
    CHECK ((approved_amount IS NULL) = (approved_by IS NULL) AND (approved_by IS NULL) = (approved_at IS NULL)),
    CONSTRAINT complaint_compensation_approved CHECK (compensation_amount IS NULL OR (compensation_limit IS NOT NULL
        AND (compensation_amount <= compensation_limit OR compensation_amount <= approved_amount))),
    CONSTRAINT complaint_approver_not_involved CHECK (approved_by IS NULL OR (approved_by IS DISTINCT FROM handler_id
        AND NOT (approved_by = ANY (staff_involved)))),
    corrective_action         text          CHECK (length(corrective_action) BETWEEN 1 AND 2000),
    corrective_owner_id       uuid,
    corrective_due_on         date,
    CHECK ((corrective_action IS NULL) = (corrective_owner_id IS NULL)
           AND (corrective_action IS NULL) = (corrective_due_on IS NULL)),
    reopened_count            int           NOT NULL DEFAULT 0 CHECK (reopened_count >= 0),
    created_by                uuid          NOT NULL,
    created_at                timestamptz   NOT NULL,
    updated_at                timestamptz   NOT NULL,
    version                   bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, customer_id) REFERENCES customer (dealer_id, id),
    FOREIGN KEY (dealer_id, order_id) REFERENCES sales_order (dealer_id, id),
    FOREIGN KEY (dealer_id, delivery_id) REFERENCES delivery (dealer_id, id),
    FOREIGN KEY (dealer_id, vehicle_id) REFERENCES vehicle (dealer_id, id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id),
    FOREIGN KEY (dealer_id, handler_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, escalated_to) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, approved_by) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, corrective_owner_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, created_by) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX complaint_id_uq ON complaint (id);
CREATE INDEX complaint_received_idx ON complaint (dealer_id, received_at, id);
CREATE INDEX complaint_customer_idx ON complaint (dealer_id, customer_id, received_at);
-- the escalation scheduler's scan: open complaints
CREATE INDEX complaint_open_idx ON complaint (acknowledge_due_at, resolve_due_at)
    WHERE status NOT IN ('RESOLVED', 'CLOSED');

-- Every wait for the customer, as it happened (the SLA pauses)
CREATE TABLE complaint_pause (
    dealer_id     uuid        NOT NULL,
    complaint_id  uuid        NOT NULL,
    started_at    timestamptz NOT NULL,
    ended_at      timestamptz CHECK (ended_at >= started_at),
    reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    PRIMARY KEY (dealer_id, complaint_id, started_at),
    FOREIGN KEY (dealer_id, complaint_id) REFERENCES complaint (dealer_id, id)
);
-- at most one pause open per complaint
CREATE UNIQUE INDEX complaint_pause_open_uq ON complaint_pause (dealer_id, complaint_id) WHERE ended_at IS NULL;

-- follow-ups that close complaints, and the customer's answer to the resolution
ALTER TABLE follow_up
    ADD FOREIGN KEY (dealer_id, complaint_id) REFERENCES complaint (dealer_id, id),
    ADD CHECK (kind <> 'COMPLAINT_CLOSURE' OR complaint_id IS NOT NULL),
    ADD COLUMN resolution_accepted boolean,
    ADD CONSTRAINT follow_up_closure_answer CHECK ((resolution_accepted IS NOT NULL)
        <= (kind = 'COMPLAINT_CLOSURE' AND status = 'DONE'));
CREATE UNIQUE INDEX follow_up_one_open_closure_per_complaint ON follow_up (dealer_id, complaint_id)
    WHERE kind = 'COMPLAINT_CLOSURE' AND status = 'DUE';
