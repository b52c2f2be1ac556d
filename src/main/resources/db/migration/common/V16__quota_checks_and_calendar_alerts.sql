-- Each period of each submission quota is checked once, after it ended (bpmn/quarterly-statistics.bpmn):
-- the row is written in the transaction that sends the reminders, so a period checked again, by another
-- node or after a restart, finds it and reminds no one. quota_key is the group and the period's kind,
-- e.g. info-officer:month; period_start its first day.
CREATE TABLE minyi_quota_check (
    quota_key     VARCHAR(100)  NOT NULL,
    period_start  DATE          NOT NULL,
    period_end    DATE          NOT NULL,
    checked_at    TIMESTAMP     NOT NULL,
    behind_count  INTEGER       NOT NULL,
    PRIMARY KEY (quota_key, period_start)
);

-- The working-day calendar's warnings to the administrators, each sent once across restarts and nodes:
-- calendar-ends:2026-12-31 (60 days before the last day the calendar covers), calendar-missing:2027 (a
-- deadline was computed in a year without holidays).
CREATE TABLE minyi_calendar_alert (
    alert_key   VARCHAR(60)  NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP    NOT NULL
);
