-- Vehicles in stock (库存). The VIN's shape and check digit are guarded here as well as in Java (GB 16735 /
-- ISO 3779 with the North American check digit that GB 16735 makes mandatory), and a VIN is unique per dealer.

CREATE FUNCTION vin_is_valid(vin text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT vin ~ '^[A-HJ-NPR-Z0-9]{17}$'
       AND substr(vin, 9, 1) = (
           SELECT CASE WHEN s % 11 = 10 THEN 'X' ELSE (s % 11)::text END
           FROM (SELECT sum(
                     CASE WHEN c ~ '[0-9]' THEN c::int
                          ELSE (ARRAY[1,2,3,4,5,6,7,8,1,2,3,4,5,7,9,2,3,4,5,6,7,8,9])[
                                   strpos('ABCDEFGHJKLMNPRSTUVWXYZ', c)] END
                     * (ARRAY[8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2])[i]) AS s
                 FROM generate_series(1, 17) AS i, substr(vin, i, 1) AS c) AS weighted)
$$;

CREATE TABLE vehicle (
    dealer_id        uuid          NOT NULL REFERENCES dealer (id),
    id               uuid          NOT NULL,
    vin              text          NOT NULL CHECK (vin_is_valid(vin)),
    stock_number     text          CHECK (length(stock_number) BETWEEN 1 AND 30),
    make             text          NOT NULL CHECK (length(make) BETWEEN 1 AND 60),
    model            text          NOT NULL CHECK (length(model) BETWEEN 1 AND 60),
    trim             text          CHECK (length(trim) BETWEEN 1 AND 60),
    model_year       int           CHECK (model_year BETWEEN 1980 AND 2100),
    exterior_colour  text          CHECK (length(exterior_colour) BETWEEN 1 AND 60),
    interior_colour  text          CHECK (length(interior_colour) BETWEEN 1 AND 60),
    -- {"items": [...]}: an object, because Hibernate Reactive reads JSON columns as objects
    options          jsonb         NOT NULL DEFAULT '{"items": []}'::jsonb
                                   CHECK (jsonb_typeof(options -> 'items') = 'array'),
    status           text          NOT NULL CHECK (status IN ('IN_TRANSIT', 'IN_STOCK', 'RESERVED', 'SOLD',
                                                              'DELIVERED', 'DEMO', 'UNAVAILABLE')),
    -- a car on the lot has arrived; its stock age counts from then (one held back on its way may not have)
    arrival_date     date,
    CHECK (status IN ('IN_TRANSIT', 'UNAVAILABLE') OR arrival_date IS NOT NULL),
    location         text          CHECK (length(location) BETWEEN 1 AND 60),
    currency         text          NOT NULL DEFAULT 'CNY' CHECK (currency ~ '^[A-Z]{3}$'),
    list_price       numeric(15,2) NOT NULL CHECK (list_price >= 0),
    cost_price       numeric(15,2) CHECK (cost_price >= 0),
    purchase_date    date,
    supplier         text          CHECK (length(supplier) BETWEEN 1 AND 200),
    unavailable_reason text        CHECK (length(unavailable_reason) BETWEEN 1 AND 500),
    CHECK ((status = 'UNAVAILABLE') = (unavailable_reason IS NOT NULL)),
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (dealer_id, id)
);
CREATE UNIQUE INDEX vehicle_id_uq ON vehicle (id);
CREATE UNIQUE INDEX vehicle_vin_uq ON vehicle (dealer_id, vin);
CREATE UNIQUE INDEX vehicle_stock_number_uq ON vehicle (dealer_id, stock_number) WHERE stock_number IS NOT NULL;
CREATE INDEX vehicle_status_arrival_idx ON vehicle (dealer_id, status, arrival_date, id);
CREATE INDEX vehicle_model_idx ON vehicle (dealer_id, lower(model), id);
CREATE INDEX vehicle_updated_idx ON vehicle (dealer_id, updated_at, id);
