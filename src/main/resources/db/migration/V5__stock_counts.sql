-- Stock counts (盘点): finance opens a count, scans VINs on the lot, closes it, and gets the discrepancies, which
-- are fixed at closing. A closed count never changes: triggers refuse scans into it and edits of it, and a scan
-- takes a share lock on its count, so a close waits for scans in flight and a scan after a close is refused.

CREATE TABLE stock_count (
    dealer_id      uuid        NOT NULL REFERENCES dealer (id),
    id             uuid        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    note           text        CHECK (length(note) <= 500),
    opened_by      uuid        NOT NULL,
    opened_at      timestamptz NOT NULL,
    closed_by      uuid,
    closed_at      timestamptz,
    discrepancies  jsonb       CHECK (jsonb_typeof(discrepancies) = 'object'),
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    CHECK ((closed_by IS NULL) = (closed_at IS NULL)),
    CHECK ((status = 'CLOSED') = (discrepancies IS NOT NULL)),
    version        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, opened_by) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, closed_by) REFERENCES staff (dealer_id, id)
);
CREATE UNIQUE INDEX stock_count_id_uq ON stock_count (id);
-- one count at a time per dealer: two open counts would split the scans between them
CREATE UNIQUE INDEX stock_count_one_open_uq ON stock_count (dealer_id) WHERE status = 'OPEN';
CREATE INDEX stock_count_opened_idx ON stock_count (dealer_id, opened_at DESC, id DESC);

CREATE TABLE stock_count_scan (
    dealer_id   uuid        NOT NULL,
    count_id    uuid        NOT NULL,
    vin         text        NOT NULL CHECK (vin_is_valid(vin)),
    location    text        CHECK (length(location) BETWEEN 1 AND 60),
    scanned_by  uuid        NOT NULL,
    scanned_at  timestamptz NOT NULL,
    -- scanning a VIN twice is the same scan
    PRIMARY KEY (dealer_id, count_id, vin),
    FOREIGN KEY (dealer_id, count_id) REFERENCES stock_count (dealer_id, id),
    FOREIGN KEY (dealer_id, scanned_by) REFERENCES staff (dealer_id, id)
);
CREATE INDEX stock_count_scan_time_idx ON stock_count_scan (dealer_id, count_id, scanned_at, vin);

CREATE FUNCTION stock_count_scan_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    count_status text;
BEGIN
    SELECT status INTO count_status FROM stock_count
    WHERE dealer_id = COALESCE(NEW.dealer_id, OLD.dealer_id) AND id = COALESCE(NEW.count_id, OLD.count_id)
    FOR SHARE;
    IF count_status IS DISTINCT FROM 'OPEN' THEN
        -- worded as PostgreSQL words its own check violations, so every driver and wrapper finds the name
        RAISE EXCEPTION 'stock count % is closed: new row violates check constraint "stock_count_closed"',
            COALESCE(NEW.count_id, OLD.count_id)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_count_closed';
    END IF;
    RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER stock_count_scan_guard BEFORE INSERT OR UPDATE OR DELETE ON stock_count_scan
    FOR EACH ROW EXECUTE FUNCTION stock_count_scan_guard();

CREATE FUNCTION stock_count_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock count % is closed: row violates check constraint "stock_count_closed"', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_count_closed';
END $$;
CREATE TRIGGER stock_count_immutable BEFORE UPDATE OR DELETE ON stock_count
    FOR EACH ROW WHEN (OLD.status = 'CLOSED') EXECUTE FUNCTION stock_count_immutable();
