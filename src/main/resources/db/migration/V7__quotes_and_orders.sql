-- Quotes (报价) and orders (订单). The money rules live here as well as in Java: totals add up, a quote beyond the
-- dealer's margin guard is never sent without a manager's approval (never the author's own), one vehicle is never
-- on two live orders, and an order is never paid more than its total.

CREATE TABLE quote (
    dealer_id                uuid          NOT NULL REFERENCES dealer (id),
    id                       uuid          NOT NULL,
    lead_id                  uuid          NOT NULL,
    customer_id              uuid          NOT NULL,
    salesperson_id           uuid          NOT NULL,
    created_by               uuid          NOT NULL,
    -- who priced the current revision: the approver must be someone else
    priced_by                uuid          NOT NULL,
    revision                 int           NOT NULL CHECK (revision >= 1),
    status                   text          NOT NULL CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT',
                                                                      'ACCEPTED', 'REJECTED', 'EXPIRED')),
    vehicle_id               uuid,
    currency                 text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- the priced document (lines, trade-in, financing, totals) exactly as the customer sees it
    content                  jsonb         NOT NULL,
    list_price               numeric(15,2) NOT NULL CHECK (list_price >= 0),
    subtotal                 numeric(15,2) NOT NULL CHECK (subtotal >= list_price),
    discount_amount          numeric(15,2) NOT NULL CHECK (discount_amount BETWEEN 0 AND list_price),
    trade_in_allowance       numeric(15,2) NOT NULL CHECK (trade_in_allowance >= 0),
    fees                     numeric(15,2) NOT NULL CHECK (fees >= 0),
    total                    numeric(15,2) NOT NULL CHECK (total >= 0),
    CONSTRAINT quote_total_adds_up CHECK (total = subtotal - discount_amount - trade_in_allowance + fees),
    -- the margin guard: front-end gross on the vehicle, measured against the limits in force when it was priced
    net_vehicle_price        numeric(15,2) NOT NULL,
    cost                     numeric(15,2) CHECK (cost >= 0),
    gross_margin             numeric(15,2),
    CHECK ((cost IS NULL) = (gross_margin IS NULL)),
    CHECK (gross_margin = net_vehicle_price - cost),
    discount_limit_percent   numeric(5,2)  NOT NULL,
    minimum_margin_percent   numeric(5,2)  NOT NULL,
    approval_required        boolean       NOT NULL,
    CONSTRAINT quote_guard_matches_figures CHECK (approval_required = (
        discount_amount * 100 > discount_limit_percent * list_price
        OR cost IS NULL OR net_vehicle_price <= 0
        OR gross_margin * 100 < minimum_margin_percent * net_vehicle_price)),
    decision                 text          CHECK (decision IN ('APPROVED', 'REJECTED')),
    decided_by               uuid,
    decided_at               timestamptz,
    decision_note            text          CHECK (length(decision_note) BETWEEN 1 AND 1000),
    CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL)
           AND (decision IS NULL) = (decision_note IS NULL)),
    CONSTRAINT quote_not_self_approved CHECK (decided_by <> salesperson_id AND decided_by <> priced_by
                                              AND decided_by <> created_by),
    -- IS NOT DISTINCT FROM: a NULL decision must fail the check, not pass it as unknown
    CONSTRAINT quote_guard_respected CHECK (status IN ('DRAFT', 'PENDING_APPROVAL') OR NOT approval_required
                                            OR decision IS NOT DISTINCT FROM 'APPROVED'),
    CHECK (status <> 'PENDING_APPROVAL' OR (approval_required AND decision IS NULL)),
    CHECK (status <> 'APPROVED' OR decision IS NOT DISTINCT FROM 'APPROVED'),
    valid_until              date,
    expires_at               timestamptz,
    CHECK ((valid_until IS NULL) = (expires_at IS NULL)),
    sent_at                  timestamptz,
    CHECK (status NOT IN ('SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED') OR (sent_at IS NOT NULL AND expires_at IS NOT NULL)),
    answered_at              timestamptz,
    CHECK ((status IN ('ACCEPTED', 'REJECTED', 'EXPIRED')) = (answered_at IS NOT NULL)),
    rejection_reason         text          CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
    CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL)),
    created_at               timestamptz   NOT NULL,
    updated_at               timestamptz   NOT NULL,
    version                  bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id),
    FOREIGN KEY (dealer_id, customer_id) REFERENCES customer (dealer_id, id),
    FOREIGN KEY (dealer_id, vehicle_id) REFERENCES vehicle (dealer_id, id),
    FOREIGN KEY (dealer_id, salesperson_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, created_by) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, priced_by) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, decided_by) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX quote_id_uq ON quote (id);
CREATE INDEX quote_dealer_created_idx ON quote (dealer_id, created_at DESC, id DESC);
CREATE INDEX quote_salesperson_created_idx ON quote (dealer_id, salesperson_id, created_at DESC, id DESC);
CREATE INDEX quote_lead_idx ON quote (dealer_id, lead_id);
CREATE INDEX quote_sent_expiry_idx ON quote (expires_at) WHERE status = 'SENT';

-- A revision superseded by an edit after it was sent: kept as it was, readable, never changed.
CREATE TABLE quote_revision (
    dealer_id      uuid        NOT NULL,
    quote_id       uuid        NOT NULL,
    revision       int         NOT NULL CHECK (revision >= 1),
    status         text        NOT NULL,
    snapshot       jsonb       NOT NULL,
    superseded_at  timestamptz NOT NULL,
    superseded_by  uuid        NOT NULL,
    PRIMARY KEY (dealer_id, quote_id, revision),
    FOREIGN KEY (dealer_id, quote_id) REFERENCES quote (dealer_id, id),
    FOREIGN KEY (dealer_id, superseded_by) REFERENCES staff (dealer_id, id)
);

CREATE FUNCTION quote_revision_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'quote revisions are never changed' USING ERRCODE = '23514', CONSTRAINT = 'quote_revision_immutable';
END $$;
CREATE TRIGGER quote_revision_immutable BEFORE UPDATE OR DELETE ON quote_revision
    FOR EACH ROW EXECUTE FUNCTION quote_revision_is_immutable();

-- "order" is a reserved word
CREATE TABLE sales_order (
    dealer_id        uuid          NOT NULL REFERENCES dealer (id),
    id               uuid          NOT NULL,
    quote_id         uuid          NOT NULL,
    quote_revision   int           NOT NULL,
    lead_id          uuid          NOT NULL,
    customer_id      uuid          NOT NULL,
    salesperson_id   uuid          NOT NULL,
    vehicle_id       uuid,
    currency         text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    content          jsonb         NOT NULL,
    total            numeric(15,2) NOT NULL CHECK (total >= 0),
    -- what the customer has paid net of refunds: never more than the total
    paid             numeric(15,2) NOT NULL DEFAULT 0,
    CONSTRAINT sales_order_not_overpaid CHECK (paid BETWEEN 0 AND total),
    cost             numeric(15,2),
    gross_margin     numeric(15,2),
    status           text          NOT NULL CHECK (status IN ('CONFIRMED', 'DEPOSIT_PAID', 'FULLY_PAID', 'DELIVERED',
                                                              'CANCELLED')),
    CONSTRAINT sales_order_status_matches_paid CHECK (
        (status <> 'CONFIRMED' OR paid = 0)
        AND (status <> 'DEPOSIT_PAID' OR (paid > 0 AND paid < total))
        AND (status NOT IN ('FULLY_PAID', 'DELIVERED') OR paid = total)),
    cancel_reason    text          CHECK (length(cancel_reason) BETWEEN 1 AND 1000),
    retained_amount  numeric(15,2) CHECK (retained_amount >= 0),
    cancelled_by     uuid,
    cancelled_at     timestamptz,
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL AND retained_amount IS NOT NULL
                                     AND cancelled_by IS NOT NULL AND cancelled_at IS NOT NULL)),
    -- after a cancellation refunds bring paid down to what the dealer keeps, never below
    CHECK (status <> 'CANCELLED' OR paid >= retained_amount),
    created_by       uuid          NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, quote_id) REFERENCES quote (dealer_id, id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id),
    FOREIGN KEY (dealer_id, customer_id) REFERENCES customer (dealer_id, id),
    FOREIGN KEY (dealer_id, vehicle_id) REFERENCES vehicle (dealer_id, id),
    FOREIGN KEY (dealer_id, salesperson_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, created_by) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, cancelled_by) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX sales_order_id_uq ON sales_order (id);
-- one live order per quote: after a cancellation the accepted quote can be ordered again
CREATE UNIQUE INDEX sales_order_one_per_quote ON sales_order (dealer_id, quote_id) WHERE status <> 'CANCELLED';
-- a car is sold once: at most one order that is not cancelled per vehicle
CREATE UNIQUE INDEX sales_order_vehicle_sold_once ON sales_order (dealer_id, vehicle_id)
    WHERE status <> 'CANCELLED' AND vehicle_id IS NOT NULL;
CREATE INDEX sales_order_dealer_created_idx ON sales_order (dealer_id, created_at DESC, id DESC);
CREATE INDEX sales_order_salesperson_created_idx ON sales_order (dealer_id, salesperson_id, created_at DESC, id DESC);

CREATE TABLE order_payment (
    dealer_id      uuid          NOT NULL,
    id             uuid          NOT NULL,
    order_id       uuid          NOT NULL,
    kind           text          NOT NULL CHECK (kind IN ('DEPOSIT', 'PAYMENT', 'REFUND')),
    amount         numeric(15,2) NOT NULL CHECK (amount > 0),
    method         text          NOT NULL CHECK (method IN ('CASH', 'BANK_TRANSFER', 'CARD', 'WECHAT_PAY', 'ALIPAY',
                                                            'LOAN_DISBURSEMENT', 'OTHER')),
    payer_name     text          NOT NULL CHECK (length(payer_name) BETWEEN 1 AND 200),
    payer_account  text          CHECK (length(payer_account) BETWEEN 1 AND 100),
    -- the bank's or the till's reference: one payment per reference, so a replayed entry is not counted twice
    reference      text          NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    paid_at        timestamptz   NOT NULL,
    note           text          CHECK (length(note) <= 1000),
    recorded_by    uuid          NOT NULL,
    recorded_at    timestamptz   NOT NULL,
    PRIMARY KEY (dealer_id, id),
    CONSTRAINT order_payment_reference_once UNIQUE (dealer_id, reference),
    FOREIGN KEY (dealer_id, order_id) REFERENCES sales_order (dealer_id, id),
    FOREIGN KEY (dealer_id, recorded_by) REFERENCES staff (dealer_id, id)
);
CREATE INDEX order_payment_order_idx ON order_payment (dealer_id, order_id, paid_at, id);

CREATE FUNCTION order_payment_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payments are never changed; record a refund' USING ERRCODE = '23514',
        CONSTRAINT = 'order_payment_immutable';
END $$;
CREATE TRIGGER order_payment_immutable BEFORE UPDATE OR DELETE ON order_payment
    FOR EACH ROW EXECUTE FUNCTION order_payment_is_immutable();

-- paid is a running figure kept for reading and for the overpayment CHECK; at commit it must equal the payments
CREATE FUNCTION sales_order_paid_matches_payments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    order_dealer uuid := NEW.dealer_id;
    -- both tables have id; only payments have order_id, read through jsonb so one function serves both
    order_key    uuid := CASE WHEN TG_TABLE_NAME = 'order_payment' THEN (to_jsonb(NEW) ->> 'order_id')::uuid
                              ELSE NEW.id END;
    recorded     numeric;
    shown        numeric;
BEGIN
    SELECT coalesce(sum(CASE WHEN kind = 'REFUND' THEN -amount ELSE amount END), 0) INTO recorded
        FROM order_payment WHERE dealer_id = order_dealer AND order_id = order_key;
    SELECT paid INTO shown FROM sales_order WHERE dealer_id = order_dealer AND id = order_key;
    IF shown IS DISTINCT FROM recorded THEN
        RAISE EXCEPTION 'order % shows % paid but its payments add up to %', order_key, shown, recorded
            USING ERRCODE = '23514', CONSTRAINT = 'sales_order_paid_matches_payments';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER sales_order_paid_matches_payments AFTER INSERT OR UPDATE OF paid ON sales_order
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sales_order_paid_matches_payments();
CREATE CONSTRAINT TRIGGER order_payment_counted AFTER INSERT ON order_payment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sales_order_paid_matches_payments();
