-- Benchmark data: 5 dealers, 100 salespeople (20 per dealer) and 5 sales managers, 150,000 customers (1,500 per
-- salesperson; n >= 50,000 is the pool that updates take untouched customers from). Ids are derived from numbers
-- so the load scripts (wrk Lua, pgbench) can name them without lookups:
--   dealer d   00000000-0000-4000-b000-<d, 12 digits>
--   sales s    00000000-0000-4000-a000-<s, 12 digits>   (dealer s / 20)
--   manager d  00000000-0000-4000-c000-<d, 12 digits>
--   customer n 00000000-0000-4000-8000-<n, 12 digits>   (owner n % 100)
--   lead n     00000000-0000-4000-9000-<n, 12 digits>   (customer n % 100,000, assigned to its owner)
--   vehicle v  00000000-0000-4000-e000-<v, 12 digits>   (dealer v / 20)
--   quote s    00000000-0000-4000-d000-<s, 12 digits>   (made by bench/run.sh: salesperson s, lead s)
INSERT INTO dealer (id, name, time_zone)
SELECT ('00000000-0000-4000-b000-' || lpad(d::text, 12, '0'))::uuid, '压测经销商 ' || d, 'Asia/Shanghai'
FROM generate_series(0, 4) AS d
ON CONFLICT (id) DO NOTHING;

INSERT INTO staff (dealer_id, id, subject, name, roles, department, on_duty)
SELECT ('00000000-0000-4000-b000-' || lpad((s / 20)::text, 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(s::text, 12, '0'))::uuid,
       '00000000-0000-4000-a000-' || lpad(s::text, 12, '0'),
       '销售顾问 ' || s, ARRAY['sales'], 'SALES', true
FROM generate_series(0, 99) AS s
ON CONFLICT DO NOTHING;

INSERT INTO staff (dealer_id, id, subject, name, roles, department, head)
SELECT ('00000000-0000-4000-b000-' || lpad(d::text, 12, '0'))::uuid,
       ('00000000-0000-4000-c000-' || lpad(d::text, 12, '0'))::uuid,
       '00000000-0000-4000-c000-' || lpad(d::text, 12, '0'),
       '销售经理 ' || d, ARRAY['sales-manager'], 'SALES', 'DEPARTMENT'
FROM generate_series(0, 4) AS d
ON CONFLICT DO NOTHING;

INSERT INTO customer (dealer_id, id, name, phone, email, gender, city, preferred_channel, contact_consent,
                      contact_consent_at, notes, owner_id, source, created_at, updated_at)
SELECT ('00000000-0000-4000-b000-' || lpad(((n % 100) / 20)::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + n % 10]
           || (ARRAY['芳','伟','娜','敏','静','强','磊','洋','艳','勇','军','杰'])[1 + (n / 10) % 12],
       '+86139' || lpad(n::text, 8, '0'),
       CASE WHEN n % 3 = 0 THEN 'c' || n || '@example.cn' END,
       (ARRAY['FEMALE','MALE','UNDISCLOSED'])[1 + n % 3],
       (ARRAY['杭州','宁波','绍兴','嘉兴','湖州'])[1 + n % 5],
       (ARRAY['PHONE','WECHAT','SMS'])[1 + n % 3],
       true, now() - (n || ' minutes')::interval,
       '关注混动SUV, 预算20万左右',
       ('00000000-0000-4000-a000-' || lpad((n % 100)::text, 12, '0'))::uuid,
       (ARRAY['WALK_IN','PHONE','WEBSITE','THIRD_PARTY_PORTAL'])[1 + n % 4],
       now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval
FROM generate_series(0, 149999) AS n
ON CONFLICT DO NOTHING;

-- 200,000 leads: customers 0 to 99,999 have two each, an open one (NEW to QUOTED) and a closed one (WON, LOST or
-- DORMANT), assigned to the customer's owner: 2,000 per salesperson, 1,000 of them open.
INSERT INTO lead (dealer_id, id, customer_id, status, source, interests, timeframe_latest, computed_grade, grade,
                  assignee_id, assigned_at, next_follow_up_at, response_due_at, first_contact_at,
                  first_response_seconds, response_missed_at, lost_reason, comments, created_by, created_at,
                  updated_at)
SELECT ('00000000-0000-4000-b000-' || lpad(((c % 100) / 20)::text, 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(c::text, 12, '0'))::uuid,
       status,
       (ARRAY['WALK_IN','PHONE','WEBSITE','THIRD_PARTY_PORTAL','REFERRAL'])[1 + n % 5],
       jsonb_build_object('items', jsonb_build_array(jsonb_build_object(
           'make', (ARRAY['BYD','Toyota','Volkswagen','Geely','Honda'])[1 + n % 5],
           'model', (ARRAY['Seal','Camry','ID.4','Xingyue L','CR-V'])[1 + n % 5], 'condition', 'NEW'))),
       current_date + (n % 45), grade, grade,
       ('00000000-0000-4000-a000-' || lpad((c % 100)::text, 12, '0'))::uuid, created,
       now() + ((n % 1000) - 300 || ' hours')::interval,
       created + interval '15 minutes',
       CASE WHEN status <> 'NEW' THEN created + interval '5 minutes' END,
       CASE WHEN status <> 'NEW' THEN 300 END,
       -- old NEW leads were found overdue long ago: the first-response job has nothing to catch up on
       CASE WHEN status = 'NEW' THEN created + interval '15 minutes' END,
       CASE WHEN status = 'LOST' THEN '买了竞品' END,
       '想周末带家人试驾',
       ('00000000-0000-4000-a000-' || lpad((c % 100)::text, 12, '0'))::uuid, created, created
FROM (SELECT n, n % 100000 AS c,
             CASE WHEN n < 100000 THEN (ARRAY['NEW','CONTACTED','QUALIFIED','TEST_DRIVE','QUOTED'])[1 + n % 5]
                  ELSE (ARRAY['WON','LOST','DORMANT'])[1 + n % 3] END AS status,
             CASE WHEN n % 45 <= 7 THEN 'H' WHEN n % 45 <= 15 THEN 'A' WHEN n % 45 <= 30 THEN 'B' ELSE 'C' END
                 AS grade,
             now() - ((200000 - n) || ' minutes')::interval AS created
      FROM generate_series(0, 199999) AS n) AS seed
ON CONFLICT DO NOTHING;


-- 100 cars in stock, 20 per dealer, priced 150,000 to 245,000 with a cost 8 % below:
--   vehicle v  00000000-0000-4000-e000-<v, 12 digits>   (dealer v / 20)
-- VINs are made valid by trying every check digit (position 9) against the same vin_is_valid() the table checks.
INSERT INTO vehicle (dealer_id, id, vin, stock_number, make, model, trim, model_year, exterior_colour, status,
                     arrival_date, currency, list_price, cost_price, created_at, updated_at)
SELECT ('00000000-0000-4000-b000-' || lpad((v / 20)::text, 12, '0'))::uuid,
       ('00000000-0000-4000-e000-' || lpad(v::text, 12, '0'))::uuid,
       vin, 'B-' || v, '比亚迪', (ARRAY['汉 EV','海豹','唐 DM-i','宋 PLUS'])[1 + v % 4], '旗舰型', 2026,
       (ARRAY['雪域白','墨玉黑','天际灰'])[1 + v % 3], 'IN_STOCK', current_date - (v % 90), 'CNY',
       150000 + (v % 20) * 5000, round((150000 + (v % 20) * 5000) * 0.92, 2), now(), now()
FROM generate_series(0, 99) AS v,
     LATERAL (SELECT candidate AS vin
              FROM unnest(ARRAY['0','1','2','3','4','5','6','7','8','9','X']) AS digit,
                   LATERAL (SELECT 'LGXCE4CB' || digit || 'RS' || lpad(v::text, 6, '0') AS candidate) c
              WHERE vin_is_valid(candidate) LIMIT 1) AS valid
ON CONFLICT DO NOTHING;

ANALYZE;

-- A field day per salesperson for GET /me/agenda: 12 follow-ups due today (two of them overdue), on customers they
-- own; each customer's leads carry the last contact.
INSERT INTO follow_up (dealer_id, id, kind, customer_id, team, assignee_id, channel, due_at, survey, purpose, status,
                       created_at, updated_at)
SELECT ('00000000-0000-4000-b000-' || lpad((s / 20)::text, 12, '0'))::uuid,
       ('00000000-0000-4000-f000-' || lpad((s * 100 + k)::text, 12, '0'))::uuid,
       'SURVEY', ('00000000-0000-4000-8000-' || lpad((s + 100 * k)::text, 12, '0'))::uuid, 'SALES',
       ('00000000-0000-4000-a000-' || lpad(s::text, 12, '0'))::uuid,
       (ARRAY['PHONE','WECHAT','SMS'])[1 + k % 3], now() + ((k - 2) || ' hours')::interval, k % 2 = 0,
       '到店体验回访', 'DUE', now() - interval '1 day', now() - interval '1 day'
FROM generate_series(0, 99) AS s, generate_series(0, 11) AS k
ON CONFLICT DO NOTHING;
