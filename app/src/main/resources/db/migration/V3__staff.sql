-- Same-day rule of staff orders (seed 002 §4.2.10, §4.2.13): per order and target, when it came and when the
-- platform confirmed it, and the last reason it did not.
CREATE TABLE staff_sla (
    order_key      VARCHAR(128) NOT NULL,
    target         VARCHAR(32)  NOT NULL,
    college_id     VARCHAR(64)  NOT NULL,
    staff_id       VARCHAR(128) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    order_no       VARCHAR(64)  NOT NULL,
    effective_date DATE         NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE,
    last_failure   VARCHAR(300),
    PRIMARY KEY (order_key, target)
);
CREATE INDEX staff_sla_pending ON staff_sla (college_id, target, staff_id, confirmed_at);
