package org.minyi.dispatch;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Publications, recipients and dispatch forms, as administrators keep them in their
 * tables.
 */
@Component
class DispatchReferenceData {

	record Publication(String code, String name) {
	}

	record Recipient(String code, String name, String kind) {
	}

	record DispatchForm(String code, String name, String recipientKind, boolean allowsConfidential) {
	}

	private final JdbcTemplate jdbc;

	DispatchReferenceData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Publication> publication(String code) {
		return this.jdbc
			.query("SELECT code, name FROM minyi_publication WHERE code = ? AND active = TRUE",
					(row, i) -> new Publication(row.getString(1), row.getString(2)), code)
			.stream()
			.findFirst();
	}

	Optional<DispatchForm> form(String code) {
		return this.jdbc
			.query("SELECT code, name, recipient_kind, allows_confidential FROM minyi_dispatch_form WHERE code = ?",
					(row, i) -> new DispatchForm(row.getString(1), row.getString(2), row.getString(3),
							row.getBoolean(4)),
					code)
			.stream()
			.findFirst();
	}

	List<Recipient> recipients(String kind) {
		return this.jdbc.query(
				"SELECT code, name, kind FROM minyi_recipient WHERE kind = ? AND active = TRUE ORDER BY sort_order",
				(row, i) -> new Recipient(row.getString(1), row.getString(2), row.getString(3)), kind);
	}

	Optional<Recipient> recipient(String code) {
		return this.jdbc
			.query("SELECT code, name, kind FROM minyi_recipient WHERE code = ? AND active = TRUE",
					(row, i) -> new Recipient(row.getString(1), row.getString(2), row.getString(3)), code)
			.stream()
			.findFirst();
	}

}
