-- The statistics report's department cases come from statistics' own facts, recorded from the events of
-- instructions and follow-up cases, rather than from the instruction and case tables of their owners.
-- An instruction is dated by when it was recorded; a case counts in the period of its instruction.
CREATE TABLE minyi_stat_instruction (
    instruction_id  BIGINT        NOT NULL PRIMARY KEY,
    piece_id        BIGINT        NOT NULL REFERENCES minyi_piece (id),
    unit            VARCHAR(100)  NOT NULL,
    recorded_at     TIMESTAMP     NOT NULL
);

CREATE INDEX ix_minyi_stat_instruction_recorded ON minyi_stat_instruction (recorded_at);

CREATE TABLE minyi_stat_case (
    case_id         BIGINT   NOT NULL PRIMARY KEY,
    instruction_id  BIGINT   NOT NULL,
    piece_id        BIGINT   NOT NULL REFERENCES minyi_piece (id),
    closed          BOOLEAN  NOT NULL DEFAULT FALSE
);

CREATE INDEX ix_minyi_stat_case_instruction ON minyi_stat_case (instruction_id);

-- The facts of what was recorded before.
INSERT INTO minyi_stat_instruction (instruction_id, piece_id, unit, recorded_at)
SELECT i.id, i.piece_id, p.source_unit, i.recorded_at
FROM minyi_instruction i JOIN minyi_piece p ON p.id = i.piece_id;

INSERT INTO minyi_stat_case (case_id, instruction_id, piece_id, closed)
SELECT c.id, c.instruction_id, c.piece_id, CASE WHEN c.status = 'CLOSED' THEN TRUE ELSE FALSE END
FROM minyi_followup_case c;
