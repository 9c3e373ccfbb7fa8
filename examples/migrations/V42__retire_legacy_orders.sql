-- Retire the legacy order tables after the move to the orders service.
BEGIN;

ALTER TABLE customers DROP COLUMN legacy_order_count;

DROP TABLE IF EXISTS legacy_orders CASCADE;

-- Reset the counters for the new system.
UPDATE order_counters SET value = 0;

DELETE FROM order_events WHERE created_at < now() - interval '2 years';

COMMIT;
