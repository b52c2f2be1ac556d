-- Outstanding pieces (优秀社情民意), flagged by the info-section for the annual commendation.
ALTER TABLE minyi_piece ADD COLUMN outstanding BOOLEAN DEFAULT FALSE NOT NULL;
