-- The statistics report's department cases are those of the period's instructions, and its outstanding
-- pieces the flagged ones submitted in the period; both were read by scanning the year's rows.
CREATE INDEX ix_minyi_instruction_recorded ON minyi_instruction (recorded_at);
CREATE INDEX ix_minyi_piece_outstanding ON minyi_piece (outstanding, submitted_at);
