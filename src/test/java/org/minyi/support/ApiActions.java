package org.minyi.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;

/**
 * What the info-section (or an external system) posts to the application's API, and
 * reading reports.
 */
public final class ApiActions {

	private ApiActions() {
	}

	/** A higher level's answer for a piece, dated today. */
	public static ResponseEntity<Map<String, Object>> answer(Http http, Object pieceId, String level, String form) {
		Map<String, Object> body = new HashMap<>();
		body.put("level", level);
		body.put("form", form);
		body.put("adoptedOn", LocalDate.now().toString());
		return http.post("liqiang", "/api/pieces/" + pieceId + "/adoptions", body);
	}

	/** The district mayor's instruction on a piece, with this lead department. */
	public static ResponseEntity<Map<String, Object>> instruct(Http http, Object pieceId, String leadDepartment) {
		Map<String, Object> body = new HashMap<>();
		body.put("leader", "district-mayor");
		body.put("instructedOn", LocalDate.now().toString());
		body.put("text", "请研究办理。");
		body.put("leadDepartment", leadDepartment);
		return http.post("liqiang", "/api/pieces/" + pieceId + "/instructions", body);
	}

	/** The row with this key in one of a report's tables. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> row(Map<String, Object> report, String table, String key) {
		return ((List<Map<String, Object>>) report.get(table)).stream()
			.filter((row) -> key.equals(row.get("key")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row " + key + " in " + table));
	}

}
