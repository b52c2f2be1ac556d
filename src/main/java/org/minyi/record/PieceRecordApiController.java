package org.minyi.record;

import org.minyi.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/pieces/{id}/record}: Tasklist's 「信息全貌」 tab, and any client showing a
 * piece whole.
 */
@RestController
class PieceRecordApiController {

	private final PieceRecords records;

	PieceRecordApiController(PieceRecords records) {
		this.records = records;
	}

	@GetMapping("/api/pieces/{id}/record")
	PieceRecord record(@PathVariable long id, CurrentUser user) {
		return this.records.of(id, user);
	}

}
