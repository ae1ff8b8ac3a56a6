-- Test drives (试乘试驾). A demo car or a salesperson is never booked twice for overlapping times: exclusion
-- constraints over time ranges (btree_gist lets the dealer, vehicle and salesperson ids take part in the GiST
-- index). A car's range includes the dealer's buffer after the drive; cancelled bookings free their time.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE test_drive (
    dealer_id            uuid        NOT NULL REFERENCES dealer (id),
    id                   uuid        NOT NULL,
    lead_id              uuid,
    customer_id          uuid        NOT NULL,
    vehicle_id           uuid        NOT NULL,
    salesperson_id       uuid        NOT NULL,
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL,
    CHECK (ends_at > starts_at),
    -- the salesperson's time, and the car's time with the buffer it needs before the next drive
    salesperson_slot     tstzrange   NOT NULL,
    vehicle_slot         tstzrange   NOT NULL,
    CHECK (salesperson_slot = tstzrange(starts_at, ends_at)),
    CHECK (lower(vehicle_slot) = starts_at AND upper(vehicle_slot) >= ends_at),
    status               text        NOT NULL CHECK (status IN ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'NO_SHOW',
                                                                'CANCELLED')),
    cancel_reason        text        CHECK (length(cancel_reason) BETWEEN 1 AND 500),
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
    licence_number       text        CHECK (length(licence_number) BETWEEN 5 AND 30),
    licence_expires_on   date,
    licence_photo_ref    text        CHECK (length(licence_photo_ref) BETWEEN 1 AND 500),
    waiver_ref           text        CHECK (length(waiver_ref) BETWEEN 1 AND 500),
    waiver_sha256        text        CHECK (waiver_sha256 ~ '^[0-9a-f]{64}$'),
    odometer_out         int         CHECK (odometer_out >= 0),
    started_at           timestamptz,
    -- checked out: licence, waiver and odometer are all there
    CHECK (status NOT IN ('IN_PROGRESS', 'COMPLETED') OR (licence_number IS NOT NULL AND licence_expires_on
           IS NOT NULL AND waiver_ref IS NOT NULL AND waiver_sha256 IS NOT NULL AND odometer_out IS NOT NULL
           AND started_at IS NOT NULL)),
    odometer_in          int,
    CHECK (odometer_in >= odometer_out),
    fuel_level_percent   int         CHECK (fuel_level_percent BETWEEN 0 AND 100),
    damage_notes         text        CHECK (length(damage_notes) <= 2000),
    rating               int         CHECK (rating BETWEEN 1 AND 5),
    feedback             text        CHECK (length(feedback) <= 2000),
    purchase_intent      text        CHECK (purchase_intent IN ('HIGH', 'MEDIUM', 'LOW', 'NONE')),
    completed_at         timestamptz,
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL AND odometer_in IS NOT NULL)),
    created_by           uuid        NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id),
    FOREIGN KEY (dealer_id, lead_id) REFERENCES lead (dealer_id, id),
    FOREIGN KEY (dealer_id, customer_id) REFERENCES customer (dealer_id, id),
    FOREIGN KEY (dealer_id, vehicle_id) REFERENCES vehicle (dealer_id, id),
    FOREIGN KEY (dealer_id, salesperson_id) REFERENCES staff (dealer_id, id),
    FOREIGN KEY (dealer_id, created_by) REFERENCES staff (dealer_id, id),
    CONSTRAINT test_drive_vehicle_free EXCLUDE USING gist (dealer_id WITH =, vehicle_id WITH =, vehicle_slot WITH &&)
        WHERE (status <> 'CANCELLED'),
    CONSTRAINT test_drive_salesperson_free EXCLUDE USING gist (dealer_id WITH =, salesperson_id WITH =,
        salesperson_slot WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE UNIQUE INDEX test_drive_id_uq ON test_drive (id);
CREATE INDEX test_drive_salesperson_day_idx ON test_drive (dealer_id, salesperson_id, starts_at);
CREATE INDEX test_drive_starts_idx ON test_drive (dealer_id, starts_at, id);
