-- The duplicate check reads the pieces registered in the last twelve months; supervision counts pieces
-- per stage. Both would read the whole table of a province's years of pieces without these.
CREATE INDEX ix_minyi_piece_registered ON minyi_piece (registered_at);
CREATE INDEX ix_minyi_piece_status ON minyi_piece (status);
