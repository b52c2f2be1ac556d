-- The departments cleared for a confidential piece alone, by a leader's instruction that gives them a
-- case of it (piece/PieceClearances); each clearance is also a 'cleared' entry of the piece's timeline.
CREATE TABLE minyi_piece_clearance (
    piece_id         BIGINT       NOT NULL REFERENCES minyi_piece (id),
    department_code  VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_minyi_piece_clearance PRIMARY KEY (piece_id, department_code)
);

-- Notifications about confidential pieces stored before carried their titles and texts: from now on
-- they name the piece only by its registration number, as new ones do (notification/NotificationService).
UPDATE minyi_notification
   SET subject = '【涉密信息】一条涉密信息（'
           || COALESCE((SELECT '登记号 ' || p.registration_number FROM minyi_piece p
                         WHERE p.id = minyi_notification.piece_id), '待登记')
           || '）',
       body = '（涉密信息）'
 WHERE piece_id IN (SELECT id FROM minyi_piece WHERE confidentiality = 'confidential');
