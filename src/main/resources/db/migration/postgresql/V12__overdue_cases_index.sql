-- The Cockpit overdue dashboard pages through the open cases most overdue first and counts them. The
-- closed cases of past years (the great majority) are left out of the index; the dashboard reads the
-- first page in index order and stops, and counts from the index alone (hence overdue in it).
CREATE INDEX ix_minyi_followup_case_overdue ON minyi_followup_case (deadline, id, overdue) WHERE status <> 'CLOSED';
