-- Demo data for dev mode only (dealerops.demo-data=true): a dealer with staff of every department, customers and
-- leads across the funnel, and a second dealer to show that nobody sees another dealer's rows. Re-runnable: nothing is inserted twice.

INSERT INTO dealer (id, name, time_zone) VALUES
    ('0193b0a4-0000-7000-8000-000000000001', '杭州西湖汽车销售服务有限公司', 'Asia/Shanghai'),
    ('0193b0a4-0000-7000-8000-000000000002', '宁波北仑汽车销售服务有限公司', 'Asia/Shanghai')
ON CONFLICT (id) DO NOTHING;

INSERT INTO staff (dealer_id, id, subject, name, roles, department, head, phone, on_duty) VALUES
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000101', '0193b0a4-0000-7000-8000-000000000101', '李伟', ARRAY['sales'], 'SALES', NULL, '+8613600000101', true),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000102', '0193b0a4-0000-7000-8000-000000000102', '张敏', ARRAY['sales'], 'SALES', NULL, '+8613600000102', true),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000103', '0193b0a4-0000-7000-8000-000000000103', '王强', ARRAY['sales'], 'SALES', NULL, '+8613600000103', false),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000201', '0193b0a4-0000-7000-8000-000000000201', '陈静', ARRAY['sales-manager'], 'SALES', 'DEPARTMENT', '+8613600000201', true),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000301', '0193b0a4-0000-7000-8000-000000000301', '刘洋', ARRAY['after-sales'], 'AFTER_SALES', 'DEPARTMENT', '+8613600000301', true),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000401', '0193b0a4-0000-7000-8000-000000000401', '赵丽', ARRAY['customer-service'], 'CUSTOMER_SERVICE', 'DEPARTMENT', '+8613600000401', true),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000501', '0193b0a4-0000-7000-8000-000000000501', '孙浩', ARRAY['finance'], 'FINANCE', NULL, '+8613600000501', false),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000601', '0193b0a4-0000-7000-8000-000000000601', '周婷', ARRAY['admin'], 'ADMINISTRATION', NULL, '+8613600000601', false),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000701', '0193b0a4-0000-7000-8000-000000000701', '汽车之家线索接口', ARRAY['integration'], 'EXTERNAL', NULL, NULL, false),
    ('0193b0a4-0000-7000-8000-000000000001', '0193b0a4-0000-7000-8000-000000000901', '0193b0a4-0000-7000-8000-000000000901', '吴磊', ARRAY['sales-manager'], 'MANAGEMENT', 'DEALER', '+8613600000901', false),
    ('0193b0a4-0000-7000-8000-000000000002', '0193b0a4-0000-7000-8000-000000000111', '0193b0a4-0000-7000-8000-000000000111', '黄涛', ARRAY['sales'], 'SALES', NULL, NULL, true),
    ('0193b0a4-0000-7000-8000-000000000002', '0193b0a4-0000-7000-8000-000000000211', '0193b0a4-0000-7000-8000-000000000211', '林娜', ARRAY['sales-manager'], 'SALES', 'DEPARTMENT', NULL, true)
ON CONFLICT (dealer_id, id) DO NOTHING;

-- 60 customers of the first dealer, 20 per salesperson, and 10 of the second
INSERT INTO customer (dealer_id, id, name, phone, email, wechat_id, gender, city, preferred_channel, preferred_time,
                      contact_consent, contact_consent_at, marketing_consent, marketing_consent_at, notes, owner_id,
                      source, created_at, updated_at)
SELECT '0193b0a4-0000-7000-8000-000000000001',
       md5('demo-customer-' || n)::uuid,
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙'])[1 + n % 12]
           || (ARRAY['芳','伟','娜','敏','静','强','磊','洋','艳','勇','军','杰','娟','涛','明'])[1 + (n * 7) % 15],
       '+8613900' || lpad(n::text, 6, '0'),
       CASE WHEN n % 3 = 0 THEN 'customer' || n || '@example.cn' END,
       CASE WHEN n % 2 = 0 THEN 'wx_demo_' || n END,
       (ARRAY['FEMALE','MALE','UNDISCLOSED'])[1 + n % 3],
       (ARRAY['杭州','宁波','绍兴','嘉兴','湖州'])[1 + n % 5],
       (ARRAY['PHONE','WECHAT','SMS'])[1 + n % 3],
       (ARRAY['EVENING','WEEKEND','ANYTIME','MORNING'])[1 + n % 4],
       n % 10 <> 0, now() - (n || ' days')::interval,
       n % 4 = 0 AND n % 10 <> 0, CASE WHEN n % 4 = 0 AND n % 10 <> 0 THEN now() - (n || ' days')::interval END,
       (ARRAY['关注混动SUV, 预算20万左右','置换老车, 想看新款轿车','为家人购车, 重视安全配置','公司用车, 需要开票'])[1 + n % 4],
       (ARRAY['0193b0a4-0000-7000-8000-000000000101','0193b0a4-0000-7000-8000-000000000102',
              '0193b0a4-0000-7000-8000-000000000103'])[1 + n % 3]::uuid,
       (ARRAY['WALK_IN','PHONE','WEBSITE','THIRD_PARTY_PORTAL','REFERRAL','EVENT'])[1 + n % 6],
       now() - (n * 30 || ' hours')::interval,
       now() - (n * 30 || ' hours')::interval
FROM generate_series(1, 60) AS n
ON CONFLICT DO NOTHING;

INSERT INTO customer (dealer_id, id, name, phone, gender, city, contact_consent, owner_id, source, created_at,
                      updated_at)
SELECT '0193b0a4-0000-7000-8000-000000000002',
       md5('demo-customer-nb-' || n)::uuid,
       (ARRAY['郑','何','罗','高','马'])[1 + n % 5] || (ARRAY['晨','雪','波','琳','斌'])[1 + (n * 3) % 5],
       '+8613700' || lpad(n::text, 6, '0'),
       (ARRAY['FEMALE','MALE'])[1 + n % 2], '宁波', true,
       '0193b0a4-0000-7000-8000-000000000111', 'WALK_IN',
       now() - (n || ' days')::interval, now() - (n || ' days')::interval
FROM generate_series(1, 10) AS n
ON CONFLICT DO NOTHING;

-- 45 leads of the first dealer: 40 worked by their customers' owners, spread over the funnel, and 5 from a portal
-- waiting in the unassigned pool. NEW leads older than the first-response deadline are returned to the pool (and
-- listed in GET /api/v1/leads/overdue) by the first run of the first-response check after start.
INSERT INTO lead (dealer_id, id, customer_id, status, source, provider, provider_lead_id, interests,
                  timeframe_earliest, timeframe_latest, computed_grade, grade, assignee_id, assigned_at,
                  next_follow_up_at, response_due_at, first_contact_at, first_response_seconds, lost_reason, comments,
                  created_by, created_at, updated_at)
SELECT '0193b0a4-0000-7000-8000-000000000001', md5('demo-lead-' || n)::uuid, md5('demo-customer-' || n)::uuid,
       status, source, CASE WHEN pool THEN '汽车之家' END, CASE WHEN pool THEN 'AH-2026-' || (100000 + n) END,
       jsonb_build_object('items', jsonb_build_array(jsonb_build_object(
           'make', (ARRAY['BYD','Toyota','Volkswagen','Geely','Honda'])[1 + n % 5],
           'model', (ARRAY['Seal','Camry','ID.4','Xingyue L','CR-V'])[1 + n % 5],
           'condition', 'NEW',
           'budgetMax', jsonb_build_object('amount', (150000 + (n % 6) * 20000) || '.00', 'currency', 'CNY')))),
       current_date, current_date + days,
       grade, grade,
       assignee, CASE WHEN assignee IS NOT NULL THEN created END,
       CASE WHEN status = 'NEW' THEN created + interval '15 minutes' ELSE now() + ((n % 7 - 2) || ' days')::interval END,
       created + interval '15 minutes',
       CASE WHEN status <> 'NEW' THEN created + (n || ' minutes')::interval END,
       CASE WHEN status <> 'NEW' THEN n * 60 END,
       CASE WHEN status = 'LOST' THEN '买了竞品' END,
       (ARRAY['想周末带家人试驾','比较了两家4S店的报价','关心置换补贴','需要分期付款方案'])[1 + n % 4],
       COALESCE(assignee, '0193b0a4-0000-7000-8000-000000000701'::uuid), created, created
FROM (SELECT n, n > 40 AS pool,
             CASE WHEN n > 40 THEN 'NEW'
                  ELSE (ARRAY['NEW','CONTACTED','QUALIFIED','TEST_DRIVE','QUOTED','WON','LOST','DORMANT'])[1 + n % 8]
             END AS status,
             CASE WHEN n > 40 THEN 'THIRD_PARTY_PORTAL'
                  ELSE (ARRAY['WALK_IN','PHONE','WEBSITE','REFERRAL','EVENT'])[1 + n % 5] END AS source,
             CASE WHEN n > 40 THEN NULL
                  ELSE (ARRAY['0193b0a4-0000-7000-8000-000000000101','0193b0a4-0000-7000-8000-000000000102',
                              '0193b0a4-0000-7000-8000-000000000103'])[1 + n % 3]::uuid END AS assignee,
             (n * 3) % 45 AS days,
             CASE WHEN (n * 3) % 45 <= 7 THEN 'H' WHEN (n * 3) % 45 <= 15 THEN 'A'
                  WHEN (n * 3) % 45 <= 30 THEN 'B' ELSE 'C' END AS grade,
             now() - (n * 5 || ' hours')::interval AS created
      FROM generate_series(1, 45) AS n) AS demo
ON CONFLICT DO NOTHING;

-- the first call of every contacted lead
INSERT INTO lead_activity (dealer_id, id, lead_id, kind, channel, outcome, notes, staff_id, occurred_at, recorded_at)
SELECT dealer_id, md5('demo-lead-call-' || id)::uuid, id, 'CALL', 'PHONE', 'REACHED', '首次电话联系, 约了到店时间',
       assignee_id, first_contact_at, first_contact_at
FROM lead
WHERE dealer_id = '0193b0a4-0000-7000-8000-000000000001' AND first_contact_at IS NOT NULL AND assignee_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- Ten vehicles of the first dealer: stock of several ages, two demo cars, one on its way, one sold.
INSERT INTO vehicle (dealer_id, id, vin, stock_number, make, model, trim, model_year, exterior_colour,
                     interior_colour, options, status, arrival_date, location, currency, list_price, cost_price,
                     purchase_date, supplier, created_at, updated_at)
SELECT '0193b0a4-0000-7000-8000-000000000001', md5('demo-vehicle-' || v.vin)::uuid, v.vin, 'HZ-2026-' || lpad(v.n::text, 4, '0'),
       v.make, v.model, v.trim, 2026, v.colour, '黑 Black', jsonb_build_object('items', jsonb_build_array('全景天窗')),
       v.status, CASE WHEN v.status <> 'IN_TRANSIT' THEN current_date - v.age END,
       CASE WHEN v.status IN ('IN_STOCK', 'DEMO') THEN (CASE WHEN v.status = 'DEMO' THEN '试驾车位-' ELSE 'A区-' END) || v.n END,
       'CNY', v.price, round(v.price * 0.9, 2), current_date - v.age - 5, v.make || '汽车销售有限公司',
       now() - (v.age || ' days')::interval, now() - (v.age || ' days')::interval
FROM (VALUES
        (1, 'LGXCE4CB5L9S346P3', 'BYD', 'Seal', '650 Premium', '极光白 Aurora White', 'IN_STOCK', 12, 189800.00),
        (2, 'LVGBE40K2ZD25UT4F', 'Toyota', 'Camry', '2.0E', '铂金珍珠白', 'IN_STOCK', 45, 179800.00),
        (3, 'LSVAU21835U37E3S3', 'Volkswagen', 'ID.4', 'Pro', '冰川白', 'IN_STOCK', 75, 199900.00),
        (4, 'LFV2A21K7E28JT97K', 'Geely', 'Xingyue L', '2.0TD', '曜岩黑', 'IN_STOCK', 120, 159700.00),
        (5, 'LHGCV1675B6CP643D', 'Honda', 'CR-V', '240TURBO', '星月白', 'IN_STOCK', 20, 186900.00),
        (6, 'LGXCE4CC6YULWWPKF', 'BYD', 'Seal', '550 Standard', '深海蓝', 'DEMO', 60, 179800.00),
        (7, 'LVGBE40L7BF5KYMVJ', 'Toyota', 'Camry', '2.5G', '黑', 'DEMO', 90, 199800.00),
        (8, 'LSVAU219647ZTAM9Y', 'Volkswagen', 'ID.4', 'Prime', '灰', 'IN_TRANSIT', 0, 229900.00),
        (9, 'LFV2A21L5T24LMNYW', 'Geely', 'Xingyue L', '1.5TD', '白', 'SOLD', 30, 139700.00),
        (10, 'LHGCV168145HX43KV', 'Honda', 'CR-V', '锋尚', '红', 'IN_STOCK', 3, 209900.00))
     AS v (n, vin, make, model, trim, colour, status, age, price)
ON CONFLICT DO NOTHING;

-- Two quotes of 李伟 (sales …101) to try the quote flow: one SENT (GET /api/v1/quotes/{id}/document prints it; accept
-- it, then POST /api/v1/orders), one PENDING_APPROVAL above the 3 % discount limit for the sales manager 陈静 to
-- approve. Their figures satisfy the same CHECKs as the service's (totals, margin guard).
INSERT INTO quote (dealer_id, id, lead_id, customer_id, salesperson_id, created_by, priced_by, revision, status,
                   vehicle_id, currency, content, list_price, subtotal, discount_amount, trade_in_allowance, fees,
                   total, net_vehicle_price, cost, gross_margin, discount_limit_percent, minimum_margin_percent,
                   approval_required, valid_until, expires_at, sent_at, created_at, updated_at)
SELECT '0193b0a4-0000-7000-8000-000000000001', q.id, md5('demo-lead-' || q.lead)::uuid,
       md5('demo-customer-' || q.lead)::uuid, '0193b0a4-0000-7000-8000-000000000101',
       '0193b0a4-0000-7000-8000-000000000101', '0193b0a4-0000-7000-8000-000000000101', 1, q.status, v.id, 'CNY',
       jsonb_build_object(
           'vehicle', jsonb_build_object('vehicleId', v.id, 'vin', v.vin, 'stockNumber', v.stock_number,
               'make', v.make, 'model', v.model, 'trim', v.trim, 'colour', v.exterior_colour, 'modelYear', 2026,
               'factoryOrder', false, 'price', jsonb_build_object('amount', v.list_price::text, 'currency', 'CNY')),
           'factoryOptions', '[]'::jsonb, 'accessories', q.accessories, 'services', q.services,
           'discount', jsonb_build_object('amount', jsonb_build_object('amount', q.discount::text, 'currency', 'CNY'),
               'percentOfList', round(q.discount * 100 / v.list_price, 2)::text, 'reason', q.reason),
           'totals', jsonb_build_object(
               'listPrice', jsonb_build_object('amount', v.list_price::text, 'currency', 'CNY'),
               'subtotal', jsonb_build_object('amount', q.subtotal::text, 'currency', 'CNY'),
               'discount', jsonb_build_object('amount', q.discount::text, 'currency', 'CNY'),
               'tradeInAllowance', jsonb_build_object('amount', '0.00', 'currency', 'CNY'),
               'fees', jsonb_build_object('amount', '0.00', 'currency', 'CNY'),
               'total', jsonb_build_object('amount', (q.subtotal - q.discount)::text, 'currency', 'CNY'))),
       v.list_price, q.subtotal, q.discount, 0, 0, q.subtotal - q.discount, v.list_price - q.discount,
       v.cost_price, v.list_price - q.discount - v.cost_price, 3.00, 5.00, q.status = 'PENDING_APPROVAL',
       CASE WHEN q.status = 'SENT' THEN current_date + 5 END,
       CASE WHEN q.status = 'SENT' THEN (current_date + 6)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
       CASE WHEN q.status = 'SENT' THEN now() - interval '2 days' END,
       now() - interval '2 days', now() - interval '2 days'
FROM (VALUES
        ('0193b0a7-0000-7000-8000-000000000001'::uuid, 12, 'LGXCE4CB5L9S346P3', 'SENT', 196800.00, 3000.00, '老客户优惠',
         '[{"name":"全车脚垫","quantity":1,"unitPrice":{"amount":"800.00","currency":"CNY"},"lineTotal":{"amount":"800.00","currency":"CNY"}}]'::jsonb,
         '[{"kind":"INSURANCE","description":"商业险+交强险","price":{"amount":"6200.00","currency":"CNY"}}]'::jsonb),
        ('0193b0a7-0000-7000-8000-000000000002'::uuid, 36, 'LHGCV168145HX43KV', 'PENDING_APPROVAL', 209900.00, 9000.00,
         '库龄车清库', '[]'::jsonb, '[]'::jsonb))
     AS q (id, lead, vin, status, subtotal, discount, reason, accessories, services)
JOIN vehicle v ON v.dealer_id = '0193b0a4-0000-7000-8000-000000000001' AND v.vin = q.vin
ON CONFLICT DO NOTHING;

-- Follow-ups for the phones' agenda (GET /api/v1/me/agenda): 李伟 (sales …101) has a survey due today and one
-- overdue since two days, 赵丽 (customer service …401) an after-service call, and one survey waits in customer
-- service's queue. Lead nurture follow-ups are added by the scheduler a few minutes after start.
INSERT INTO follow_up (dealer_id, id, kind, customer_id, team, assignee_id, channel, due_at, survey, purpose, status,
                       created_by, created_at, updated_at)
SELECT '0193b0a4-0000-7000-8000-000000000001', f.id, f.kind, md5('demo-customer-' || f.customer)::uuid, f.team,
       f.assignee, 'PHONE', now() + f.due, f.kind = 'SURVEY', f.purpose, 'DUE',
       '0193b0a4-0000-7000-8000-000000000401', now() - interval '3 days', now() - interval '3 days'
FROM (VALUES
        ('0193b0a9-0000-7000-8000-000000000001'::uuid, 'SURVEY', 3, 'SALES',
         '0193b0a4-0000-7000-8000-000000000101'::uuid, interval '2 hours', '试驾后满意度回访'),
        ('0193b0a9-0000-7000-8000-000000000002'::uuid, 'SURVEY', 6, 'SALES',
         '0193b0a4-0000-7000-8000-000000000101'::uuid, interval '-2 days', '到店体验回访'),
        ('0193b0a9-0000-7000-8000-000000000003'::uuid, 'POST_SERVICE', 9, 'CUSTOMER_SERVICE',
         '0193b0a4-0000-7000-8000-000000000401'::uuid, interval '3 hours', '保养后回访：确认刹车异响已解决'),
        ('0193b0a9-0000-7000-8000-000000000004'::uuid, 'SURVEY', 21, 'CUSTOMER_SERVICE', NULL, interval '1 day',
         '季度满意度调查'))
     AS f (id, kind, customer, team, assignee, due, purpose)
ON CONFLICT DO NOTHING;

-- Two complaints for 赵丽 (customer service …401): one just received that names 李伟 (sales …101: he reads only its
-- summary), one under investigation; the escalation scheduler escalates the first if nobody acknowledges it in 24 h.
INSERT INTO complaint (dealer_id, id, customer_id, category, severity, channel, description, desired_outcome,
                       staff_involved, status, handler_id, received_at, acknowledge_due_at, acknowledged_at,
                       resolve_due_at, second_escalation_hours, currency, investigation_notes, created_by,
                       created_at, updated_at)
SELECT '0193b0a4-0000-7000-8000-000000000001', c.id, md5('demo-customer-' || c.customer)::uuid, c.category,
       'MEDIUM', 'PHONE', c.description, c.outcome, c.involved, c.status, c.handler, now() - c.age,
       now() - c.age + interval '24 hours', CASE WHEN c.status <> 'RECEIVED' THEN now() - c.age + interval '1 hour' END,
       now() - c.age + interval '7 days', 24, 'CNY', c.notes, '0193b0a4-0000-7000-8000-000000000401',
       now() - c.age, now() - c.age
FROM (VALUES
        ('0193b0aa-0000-7000-8000-000000000001'::uuid, 12, 'SALES_PROCESS', '销售顾问承诺回电但三天未联系', '道歉并尽快安排试驾',
         ARRAY['0193b0a4-0000-7000-8000-000000000101']::uuid[], 'RECEIVED', NULL::uuid, interval '2 hours', NULL),
        ('0193b0aa-0000-7000-8000-000000000002'::uuid, 24, 'VEHICLE_QUALITY', '提车一周后中控屏偶发黑屏', '更换中控屏',
         ARRAY[]::uuid[], 'INVESTIGATING', '0193b0a4-0000-7000-8000-000000000401'::uuid, interval '2 days',
         '[demo 赵丽] 已预约客户周六到店检测'))
     AS c (id, customer, category, description, outcome, involved, status, handler, age, notes)
ON CONFLICT DO NOTHING;
