-- Dealer settings (one typed document per dealer, one row per section) and the staff directory's own fields.

CREATE TABLE dealer_settings (
    dealer_id   uuid        NOT NULL REFERENCES dealer (id),
    section     text        NOT NULL CHECK (section IN ('general', 'leads', 'test-drives', 'quotes', 'deliveries',
                                                        'follow-ups', 'complaints')),
    settings    jsonb       NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
    version     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL,
    updated_by  uuid,
    PRIMARY KEY (dealer_id, section),
    FOREIGN KEY (dealer_id, updated_by) REFERENCES staff (dealer_id, id),
    -- the numbers other features act on are guarded here too, not only in Java
    CHECK (section <> 'leads' OR (
        (settings ->> 'firstResponseMinutes')::int BETWEEN 1 AND 1440
        AND (settings -> 'followUpIntervalDays' ->> 'H')::int BETWEEN 1 AND 90
        AND (settings -> 'followUpIntervalDays' ->> 'A')::int BETWEEN 1 AND 90
        AND (settings -> 'followUpIntervalDays' ->> 'B')::int BETWEEN 1 AND 90
        AND (settings -> 'followUpIntervalDays' ->> 'C')::int BETWEEN 1 AND 90)),
    CHECK (section <> 'test-drives' OR (
        (settings ->> 'minDurationMinutes')::int BETWEEN 15 AND 480
        AND (settings ->> 'maxDurationMinutes')::int BETWEEN (settings ->> 'minDurationMinutes')::int AND 480
        AND (settings ->> 'bufferMinutes')::int BETWEEN 0 AND 120
        AND (settings ->> 'bookingHorizonDays')::int BETWEEN 1 AND 365)),
    CHECK (section <> 'quotes' OR (
        (settings ->> 'salesDiscountLimitPercent')::numeric BETWEEN 0 AND 100
        AND (settings ->> 'minimumGrossMarginPercent')::numeric BETWEEN -100 AND 100
        AND (settings ->> 'validityDays')::int BETWEEN 1 AND 90
        AND (settings -> 'compensationApprovalThreshold' ->> 'amount')::numeric >= 0))
);

ALTER TABLE staff
    ADD COLUMN department          text CHECK (department IN ('SALES', 'AFTER_SALES', 'CUSTOMER_SERVICE', 'FINANCE',
                                                              'ADMINISTRATION', 'MANAGEMENT', 'EXTERNAL')),
    ADD COLUMN head                text CHECK (head IN ('DEPARTMENT', 'DEALER')),
    ADD COLUMN phone               text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    ADD COLUMN on_duty             boolean     NOT NULL DEFAULT false,
    ADD COLUMN on_duty_changed_at  timestamptz,
    ADD COLUMN deactivated_at      timestamptz,
    ADD COLUMN registered_by       uuid,
    ADD CONSTRAINT staff_inactive_off_duty CHECK (active OR NOT on_duty),
    ADD CONSTRAINT staff_deactivated_when_inactive CHECK (active = (deactivated_at IS NULL));

-- departments of the staff known so far, from their roles
UPDATE staff SET department = CASE
    WHEN roles && ARRAY['sales', 'sales-manager'] THEN 'SALES'
    WHEN 'after-sales' = ANY (roles) THEN 'AFTER_SALES'
    WHEN 'customer-service' = ANY (roles) THEN 'CUSTOMER_SERVICE'
    WHEN 'finance' = ANY (roles) THEN 'FINANCE'
    WHEN 'admin' = ANY (roles) THEN 'ADMINISTRATION'
    ELSE 'EXTERNAL' END;
ALTER TABLE staff ALTER COLUMN department SET NOT NULL;

CREATE INDEX staff_directory_idx ON staff (dealer_id, lower(name), id);
CREATE INDEX staff_on_duty_idx ON staff (dealer_id, department) WHERE on_duty;
