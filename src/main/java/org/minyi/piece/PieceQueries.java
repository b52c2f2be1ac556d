package org.minyi.piece;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Set-based reads of pieces for other capabilities' reports, so that they need not know
 * the piece's tables.
 */
@Service
public class PieceQueries {

	/**
	 * A piece flagged as outstanding; {@code title} is the edited one where the piece was
	 * edited.
	 */
	public record OutstandingPiece(Long id, String registrationNumber, String title, String sourceUnit,
			boolean confidential) {
	}

	private final JdbcTemplate jdbc;

	PieceQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Outstanding pieces submitted on these days, of one unit or of all, by registration
	 * number.
	 */
	public List<OutstandingPiece> outstanding(LocalDate from, LocalDate to, String unit) {
		List<Object> args = new ArrayList<>(
				List.of(Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(to.plusDays(1).atStartOfDay())));
		String unitFilter = "";
		if (unit != null) {
			unitFilter = " AND p.source_unit = ?";
			args.add(unit);
		}
		return this.jdbc.query(
				"""
						SELECT p.id, p.registration_number, COALESCE(p.edited_title, p.title), p.source_unit, p.confidentiality
						FROM minyi_piece p WHERE p.outstanding = TRUE AND p.submitted_at >= ? AND p.submitted_at < ?"""
						+ unitFilter + " ORDER BY p.registration_number",
				(row, i) -> new OutstandingPiece(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
						Confidentiality.CONFIDENTIAL.code().equals(row.getString(5))),
				args.toArray());
	}

}
