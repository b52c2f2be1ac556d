package org.minyi.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.minyi.calendar.WorkingDayCalendar;
import org.minyi.common.RuleViolation;
import org.minyi.identity.Role;
import org.minyi.web.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Cockpit overdue dashboard shows: open follow-up cases past their deadline across all pieces,
 * and how many pieces are at each stage. Supervisors and administrators only; the title of a
 * confidential piece is not shown.
 */
@RestController
class SupervisionApiController {

	record OverdueCase(Long caseId, String registrationNumber, String title, String department, Instant deadline,
			int workingDaysOverdue, int chases, String processInstanceId) {
	}

	record StageCount(String status, long count) {
	}

	private final JdbcTemplate jdbc;

	private final WorkingDayCalendar calendar;

	private final ZoneId zone;

	SupervisionApiController(JdbcTemplate jdbc, WorkingDayCalendar calendar,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.zone = zone;
	}

	@GetMapping("/api/supervision/overdue")
	List<OverdueCase> overdue(CurrentUser user) {
		requireSupervisor(user);
		Instant now = ClockUtil.now().toInstant();
		LocalDate today = now.atZone(this.zone).toLocalDate();
		return this.jdbc.query("""
				SELECT c.id, p.registration_number, COALESCE(p.edited_title, p.title), p.confidentiality, r.name,
				       c.deadline, c.chases, c.process_instance_id
				FROM minyi_followup_case c
				JOIN minyi_piece p ON p.id = c.piece_id
				JOIN minyi_recipient r ON r.code = c.department_code
				WHERE c.status <> 'CLOSED' AND (c.overdue = TRUE OR c.deadline < ?)
				ORDER BY c.deadline
				""", (row, i) -> {
			Instant deadline = row.getTimestamp(6).toInstant();
			String title = "confidential".equals(row.getString(4)) ? "（涉密信息）" : row.getString(3);
			return new OverdueCase(row.getLong(1), row.getString(2), title, row.getString(5), deadline,
					Math.max(0, this.calendar.workingDaysBetween(deadline.atZone(this.zone).toLocalDate(), today)),
					row.getInt(7), row.getString(8));
		}, java.sql.Timestamp.from(now));
	}

	@GetMapping("/api/supervision/stages")
	List<StageCount> stages(CurrentUser user) {
		requireSupervisor(user);
		return this.jdbc.query("SELECT status, COUNT(*) FROM minyi_piece GROUP BY status ORDER BY status",
				(row, i) -> new StageCount(row.getString(1), row.getLong(2)));
	}

	private static void requireSupervisor(CurrentUser user) {
		if (!user.hasAnyRole(Role.SUPERVISOR, Role.ADMIN)) {
			throw RuleViolation.forbidden("FORBIDDEN", "只有督办人员和管理员可以查看督办数据");
		}
	}

}
