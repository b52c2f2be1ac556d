package org.minyi.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.minyi.calendar.WorkingDayCalendar;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.identity.CurrentUser;
import org.minyi.identity.Role;
import org.minyi.piece.Confidentiality;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Cockpit overdue dashboard shows: open follow-up cases past their deadline
 * across all pieces, a page at a time (a province's backlog has thousands), and how many
 * pieces are at each stage. Supervisors and administrators only; the title of a
 * confidential piece is not shown.
 */
@RestController
class SupervisionApiController {

	record OverdueCase(Long caseId, String registrationNumber, String title, String department, Instant deadline,
			int workingDaysOverdue, int chases, String processInstanceId) {
	}

	/**
	 * One page of the overdue cases, most overdue first, and how many there are in all.
	 */
	record OverduePage(long total, int page, int size, List<OverdueCase> cases) {
	}

	record StageCount(String status, long count) {
	}

	private static final int DEFAULT_PAGE_SIZE = 50;

	private static final int MAX_PAGE_SIZE = 200;

	/**
	 * Open and past its deadline, or flagged overdue by the follow-up's timer; the index
	 * {@code ix_minyi_followup_case_overdue} (V12) serves it, most overdue first.
	 */
	private static final String OVERDUE = "c.status <> 'CLOSED' AND (c.overdue = TRUE OR c.deadline < ?)";

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
	OverduePage overdue(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, CurrentUser user) {
		requireSupervisor(user);
		if (page < 0) {
			throw new RuleViolation("INVALID_PARAMETER", "参数无效：page 应为不小于0的整数");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new RuleViolation("INVALID_PARAMETER", "参数无效：size 应为1至" + MAX_PAGE_SIZE + "的整数");
		}
		Instant now = EngineTime.instant();
		LocalDate today = now.atZone(this.zone).toLocalDate();
		Timestamp overdueBefore = Timestamp.from(now);
		long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_followup_case c WHERE " + OVERDUE, Long.class,
				overdueBefore);
		List<OverdueCase> cases = this.jdbc.query("""
				SELECT c.id, p.registration_number, COALESCE(p.edited_title, p.title), p.confidentiality, r.name,
				       c.deadline, c.chases, c.process_instance_id
				FROM minyi_followup_case c
				JOIN minyi_piece p ON p.id = c.piece_id
				JOIN minyi_recipient r ON r.code = c.department_code
				WHERE %s
				ORDER BY c.deadline, c.id
				LIMIT ? OFFSET ?
				""".formatted(OVERDUE), (row, i) -> {
			Instant deadline = row.getTimestamp(6).toInstant();
			String title = "confidential".equals(row.getString(4)) ? Confidentiality.MASK : row.getString(3);
			return new OverdueCase(row.getLong(1), row.getString(2), title, row.getString(5), deadline,
					Math.max(0, this.calendar.workingDaysBetween(deadline.atZone(this.zone).toLocalDate(), today)),
					row.getInt(7), row.getString(8));
		}, overdueBefore, size, (long) page * size);
		return new OverduePage(total, page, size, cases);
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
