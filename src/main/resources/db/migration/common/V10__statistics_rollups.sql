-- Monthly roll-ups of the statistics facts, so a year's report reads a few thousand sums instead of
-- every fact. Facts are dated the day they happen, so a month's sums are final once it is over; a month
-- is summed on first use after it ends (minyi_stat_month_built), and summed again after a re-score or a
-- fact dated in it (an engine clock moved back).
CREATE TABLE minyi_stat_month_built (
    month_start DATE      NOT NULL PRIMARY KEY,
    built_at  TIMESTAMP NOT NULL
);

-- Pieces (counted once) and events (sum of shares) per event type and level.
CREATE TABLE minyi_stat_month_event (
    month_start DATE           NOT NULL,
    event_type  VARCHAR(30)    NOT NULL,
    level       VARCHAR(20)    NOT NULL,
    pieces      BIGINT         NOT NULL,
    events      BIGINT         NOT NULL,
    PRIMARY KEY (month_start, event_type, level)
);

-- Pieces received, adopted by this committee and points per member, unit, source type and category.
CREATE TABLE minyi_stat_month_group (
    month_start DATE           NOT NULL,
    dimension   VARCHAR(20)    NOT NULL,
    group_key   VARCHAR(100)   NOT NULL,
    group_name  VARCHAR(100),
    received    BIGINT         NOT NULL,
    adopted     BIGINT         NOT NULL,
    points      NUMERIC(16, 4) NOT NULL,
    PRIMARY KEY (month_start, dimension, group_key)
);
