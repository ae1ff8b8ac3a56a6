-- Benchmark data: 5 dealers, 100 salespeople (20 per dealer) and 5 sales managers, 150,000 customers (1,500 per
-- salesperson; n >= 50,000 is the pool that updates take untouched customers from). Ids are derived from numbers
-- so the load scripts (wrk Lua, pgbench) can name them without lookups:
--   dealer d   00000000-0000-4000-b000-<d, 12 digits>
--   sales s    00000000-0000-4000-a000-<s, 12 digits>   (dealer s / 20)
--   manager d  00000000-0000-4000-c000-<d, 12 digits>
--   customer n 00000000-0000-4000-8000-<n, 12 digits>   (owner n % 100)
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

ANALYZE;
