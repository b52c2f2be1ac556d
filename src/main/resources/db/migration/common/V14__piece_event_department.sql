-- The department whose follow-up case a timeline entry belongs to: that department reads the entry's
-- comment, other departments do not (piece/CommentAudience). Null for entries that are no case's.
ALTER TABLE minyi_piece_event ADD COLUMN department_code VARCHAR(40);

-- Earlier case entries named their department as the decision; replies and task completions did not,
-- so their comments stay with the staff.
UPDATE minyi_piece_event SET department_code = decision
 WHERE step IN ('reminded', 'overdue', 'chased', 'extended', 'hand-back-requested', 'reassigned');
