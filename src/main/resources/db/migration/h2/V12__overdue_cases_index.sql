-- The Cockpit overdue dashboard's order (PostgreSQL's index leaves out the closed cases; H2 has no
-- partial indexes).
CREATE INDEX ix_minyi_followup_case_overdue ON minyi_followup_case (deadline, id, overdue);
