-- Deliveries (交车) with their pre-delivery inspections (PDI), and follow-up visits (回访). The rules that protect
-- the hand-over and the customer's wishes are PostgreSQL's as well as the service's: one live delivery per order, no
-- bay booked twice, inspections never rewritten, a COMPLETED delivery always has its documents, keys, plate,
-- sign-off, a passing latest inspection and a DELIVERED order; a follow-up's result is recorded once, and nobody
-- who withdrew consent to be contacted gets a new follow-up.

CREATE TABLE delivery (
    dealer_id         uuid        NOT NULL REFERENCES dealer (id),
    id                uuid        NOT NULL,
    order_id          uuid        NOT NULL,
    customer_id       uuid        NOT NULL,
    vehicle_id        uuid        NOT NULL,
    salesperson_id    uuid        NOT NULL,
    scheduled_at      timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    CHECK (ends_at > scheduled_at AND ends_at <= scheduled_at + interval '8 hours'),
    bay               text        NOT NULL CHECK (length(bay) BETWEEN 1 AND 50),
    status            text        NOT NULL CHECK (status IN ('SCHEDULED', 'COMPLETED', 'CANCELLED')),
    cancel_reason     text        CHECK (length(cancel_reason) BETWEEN 1 AND 500),
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
    pdi_status        text        NOT NULL DEFAULT 'NOT_DONE' CHECK (pdi_status IN ('NOT_DONE', 'PASSED', 'FAILED')),
    pdi_count         int         NOT NULL DEFAULT 0 CHECK (pdi_count >= 0),
    CHECK ((pdi_status = 'NOT_DONE') = (pdi_count = 0)),
    -- the hand-over
    -- {"items": [{code, handedOver, note}]}
    documents         jsonb       CHECK (jsonb_typeof(documents -> 'items') = 'array'),
    key_count         int         CHECK (key_count BETWEEN 1 AND 10),
    plate_kind        text        CHECK (plate_kind IN ('PERMANENT', 'TEMPORARY')),
    plate_number      text        CHECK (length(plate_number) BETWEEN 2 AND 20),
    signature_ref     text        CHECK (length(signature_ref) BETWEEN 1 AND 500),
    handover_sha256   text        CHECK (handover_sha256 ~ '^[0-9a-f]{64}$'),
    completed_by      uuid,
    completed_at      timestamptz,
    CONSTRAINT delivery_handed_over_completely CHECK ((status = 'COMPLETED') = (
        completed_at IS NOT NULL AND completed_by IS NOT NULL AND documents IS NOT NULL AND key_count IS NOT NULL
        AND plate_kind IS NOT NULL AND plate_number IS NOT NULL AND signature_ref IS NOT NULL
        AND handover_sha256 IS NOT NULL AND pdi_status = 'PASSED')),
    created_by        uuid        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, order_id) REFERENCES sales_order (dealer_id, id),
    FOREIGN KEY (dealer_id, customer_id) REFERENCES customer (dealer_id, id),
    FOREIGN KEY (dealer_id, vehicle_id) REFERENCES vehicle (dealer_id, id),
    FOREIGN KEY (dealer_id, salesperson_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, created_by) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, completed_by) REFERENCES staff (dealer_id, id),
    CONSTRAINT delivery_bay_free EXCLUDE USING gist (dealer_id WITH =, bay WITH =,
        tstzrange(scheduled_at, ends_at) WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE UNIQUE INDEX delivery_id_uq ON delivery (id);
CREATE UNIQUE INDEX delivery_one_live_per_order ON delivery (dealer_id, order_id) WHERE status <> 'CANCELLED';
CREATE INDEX delivery_day_idx ON delivery (dealer_id, scheduled_at, id);
CREATE INDEX delivery_salesperson_day_idx ON delivery (dealer_id, salesperson_id, scheduled_at);

-- An inspection is a record: a re-inspection is a new row with the next number, never an edit.
CREATE TABLE pdi_inspection (
    dealer_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    delivery_id   uuid        NOT NULL,
    number        int         NOT NULL CHECK (number >= 1),
    -- {"items": [{code, result, note, photoRef}]}
    items         jsonb       NOT NULL CHECK (jsonb_typeof(items -> 'items') = 'array'
                                              AND jsonb_array_length(items -> 'items') >= 1),
    CHECK (NOT jsonb_path_exists(items, '$.items[*] ? (!exists(@.result) || (@.result != "PASS" && @.result != "FAIL"))')),
    passed        boolean     NOT NULL,
    CONSTRAINT pdi_passed_only_without_fail CHECK (passed = NOT jsonb_path_exists(items,
        '$.items[*] ? (@.result == "FAIL")')),
    notes         text        CHECK (length(notes) <= 2000),
    performed_by  uuid        NOT NULL,
    performed_at  timestamptz NOT NULL,
    PRIMARY KEY (dealer_id, id),
    UNIQUE (dealer_id, delivery_id, number),
    FOREIGN KEY (dealer_id, delivery_id) REFERENCES delivery (dealer_id, id),
    FOREIGN KEY (dealer_id, performed_by) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX pdi_inspection_id_uq ON pdi_inspection (id);

CREATE FUNCTION pdi_inspection_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'inspections are never changed; record a re-inspection' USING ERRCODE = '23514',
        CONSTRAINT = 'pdi_inspection_immutable';
END $$;
CREATE TRIGGER pdi_inspection_immutable BEFORE UPDATE OR DELETE ON pdi_inspection
    FOR EACH ROW EXECUTE FUNCTION pdi_inspection_is_immutable();

-- The delivery's PDI summary is its latest inspection, and a completed delivery's order is DELIVERED: checked at
-- commit, when both rows have their final values.
CREATE FUNCTION delivery_matches_inspections_and_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    latest record;
    order_status text;
BEGIN
    SELECT number, passed INTO latest FROM pdi_inspection
        WHERE dealer_id = NEW.dealer_id AND delivery_id = NEW.id ORDER BY number DESC LIMIT 1;
    IF NEW.pdi_count <> coalesce(latest.number, 0)
       OR NEW.pdi_status <> (CASE WHEN latest.number IS NULL THEN 'NOT_DONE' WHEN latest.passed THEN 'PASSED'
                                  ELSE 'FAILED' END) THEN
        RAISE EXCEPTION 'delivery % shows PDI % (%), its latest inspection says otherwise', NEW.id,
            NEW.pdi_status, NEW.pdi_count USING ERRCODE = '23514', CONSTRAINT = 'delivery_pdi_is_latest';
    END IF;
    IF NEW.status = 'COMPLETED' THEN
        SELECT status INTO order_status FROM sales_order WHERE dealer_id = NEW.dealer_id AND id = NEW.order_id;
        IF order_status IS DISTINCT FROM 'DELIVERED' THEN
            RAISE EXCEPTION 'delivery % is complete but its order is %', NEW.id, order_status
                USING ERRCODE = '23514', CONSTRAINT = 'delivery_completes_order';
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER delivery_matches_inspections_and_order AFTER INSERT OR UPDATE ON delivery
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION delivery_matches_inspections_and_order();

-- No inspection once the car is handed over or the delivery is called off.
CREATE FUNCTION pdi_inspection_needs_scheduled_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM delivery WHERE dealer_id = NEW.dealer_id AND id = NEW.delivery_id AND status = 'SCHEDULED';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'delivery % is not scheduled', NEW.delivery_id USING ERRCODE = '23514',
            CONSTRAINT = 'pdi_inspection_before_hand_over';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER pdi_inspection_before_hand_over BEFORE INSERT ON pdi_inspection
    FOR EACH ROW EXECUTE FUNCTION pdi_inspection_needs_scheduled_delivery();

CREATE TABLE follow_up (
    dealer_id            uuid        NOT NULL REFERENCES dealer (id),
    id                   uuid        NOT NULL,
    kind                 text        NOT NULL CHECK (kind IN ('POST_DELIVERY', 'LEAD_NURTURE', 'POST_SERVICE',
                                                              'COMPLAINT_CLOSURE', 'SURVEY', 'CARE_CALLBACK')),
    customer_id          uuid        NOT NULL,
    lead_id              uuid,
    delivery_id          uuid,
    complaint_id         uuid,
    -- the follow-up whose low score opened this one (CARE_CALLBACK), or that this one replaces (rescheduled)
    origin_id            uuid,
    plan_step            int         CHECK (plan_step >= 1),
    CHECK (kind <> 'POST_DELIVERY' OR delivery_id IS NOT NULL),
    CHECK (kind <> 'LEAD_NURTURE' OR lead_id IS NOT NULL),
    CHECK (kind <> 'CARE_CALLBACK' OR origin_id IS NOT NULL),
    CHECK ((plan_step IS NOT NULL) <= (kind = 'POST_DELIVERY')),
    team                 text        NOT NULL CHECK (team IN ('SALES', 'AFTER_SALES', 'CUSTOMER_SERVICE')),
    -- sales and after-sales work is always someone's; customer service's can wait in the team's queue
    assignee_id          uuid,
    CHECK (team = 'CUSTOMER_SERVICE' OR assignee_id IS NOT NULL),
    channel              text        NOT NULL CHECK (channel IN ('PHONE', 'WECHAT', 'SMS', 'VISIT')),
    due_at               timestamptz NOT NULL,
    survey               boolean     NOT NULL DEFAULT false,
    purpose              text        CHECK (length(purpose) BETWEEN 1 AND 500),
    status               text        NOT NULL CHECK (status IN ('DUE', 'DONE', 'MISSED', 'RESCHEDULED',
                                                                'CANCELLED')),
    -- the result, recorded once, under the id the recording phone gave it
    result_id            uuid,
    occurred_at          timestamptz,
    recorded_by          uuid,
    recorded_at          timestamptz,
    late_minutes         int         CHECK (late_minutes >= 0),
    outcome              text        CHECK (length(outcome) BETWEEN 1 AND 200),
    notes                text        CHECK (length(notes) <= 4000),
    answers              jsonb       CHECK (jsonb_typeof(answers) = 'object'),
    CHECK (NOT jsonb_path_exists(answers, '$.* ? (@.type() != "number" || @ < 1 || @ > 10)')),
    nps                  int         CHECK (nps BETWEEN 0 AND 10),
    low_score            boolean,
    next_action          text        CHECK (length(next_action) BETWEEN 1 AND 500),
    latitude             numeric(8,6) CHECK (latitude BETWEEN -90 AND 90),
    longitude            numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    address              text        CHECK (length(address) BETWEEN 1 AND 300),
    CONSTRAINT follow_up_result_complete CHECK ((status IN ('DONE', 'MISSED')) = (result_id IS NOT NULL
        AND occurred_at IS NOT NULL AND recorded_by IS NOT NULL AND recorded_at IS NOT NULL
        AND late_minutes IS NOT NULL AND outcome IS NOT NULL AND low_score IS NOT NULL)),
    CONSTRAINT follow_up_scores_only_when_done CHECK (status = 'DONE' OR (answers IS NULL AND nps IS NULL)),
    cancel_reason        text        CHECK (length(cancel_reason) BETWEEN 1 AND 500),
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
    rescheduled_to       uuid,
    CHECK ((status = 'RESCHEDULED') = (rescheduled_to IS NOT NULL)),
    created_by           uuid,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, customer_id) REFERENCES customer (dealer_id, id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id),
    FOREIGN KEY (dealer_id, delivery_id) REFERENCES delivery (dealer_id, id),
    FOREIGN KEY (dealer_id, origin_id) REFERENCES follow_up (dealer_id, id),
    FOREIGN KEY (dealer_id, rescheduled_to) REFERENCES follow_up (dealer_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (dealer_id, assignee_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, recorded_by) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, created_by) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX follow_up_id_uq ON follow_up (id);
CREATE UNIQUE INDEX follow_up_result_once ON follow_up (result_id);
CREATE UNIQUE INDEX follow_up_plan_step_once ON follow_up (dealer_id, delivery_id, plan_step)
    WHERE plan_step IS NOT NULL;
CREATE UNIQUE INDEX follow_up_one_open_nurture_per_lead ON follow_up (dealer_id, lead_id)
    WHERE kind = 'LEAD_NURTURE' AND status = 'DUE';
CREATE INDEX follow_up_assignee_due_idx ON follow_up (dealer_id, assignee_id, due_at) WHERE status = 'DUE';
CREATE INDEX follow_up_due_idx ON follow_up (dealer_id, due_at, id);
CREATE INDEX follow_up_customer_idx ON follow_up (dealer_id, customer_id, occurred_at);

-- A customer who withdrew consent to be contacted (or whose file was deleted) gets no new follow-up. FOR SHARE
-- waits for a consent change in flight, so a follow-up is never scheduled past a withdrawal committing beside it.
CREATE FUNCTION follow_up_needs_contact_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM customer WHERE dealer_id = NEW.dealer_id AND id = NEW.customer_id AND contact_consent
        AND deleted_at IS NULL FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'customer % may not be contacted', NEW.customer_id USING ERRCODE = '23514',
            CONSTRAINT = 'follow_up_needs_contact_consent';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER follow_up_needs_contact_consent BEFORE INSERT ON follow_up
    FOR EACH ROW EXECUTE FUNCTION follow_up_needs_contact_consent();

-- the nurture scheduler's scan: open, worked leads by their next follow-up time
CREATE INDEX lead_nurture_due_idx ON lead (next_follow_up_at)
    WHERE status IN ('CONTACTED', 'QUALIFIED', 'TEST_DRIVE', 'QUOTED') AND assignee_id IS NOT NULL;
-- the agenda's "last contact" of a customer goes through the customer's leads
CREATE INDEX lead_customer_idx ON lead (dealer_id, customer_id);
