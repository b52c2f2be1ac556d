package org.minyi.statistics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineTime;
import org.minyi.identity.CurrentUser;
import org.minyi.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for leaders, the info-section, supervisors and administrators:
 * {@code ?year=2026} with {@code &quarter=1..4} or {@code &half=1..2}, or
 * {@code ?from=&to=}; optionally {@code &unit=}.
 */
@RestController
class StatisticsApiController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final StatisticsService statistics;

	private final QuotaService quotas;

	private final ZoneId zone;

	StatisticsApiController(StatisticsService statistics, QuotaService quotas,
			@Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.statistics = statistics;
		this.quotas = quotas;
		this.zone = zone;
	}

	@GetMapping("/api/statistics/report")
	StatisticsService.Report report(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, @RequestParam(required = false) Integer half,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String unit, CurrentUser user) {
		requireReader(user);
		return this.statistics.report(Period.of(year, quarter, half, from, to), unit);
	}

	/**
	 * The ranking of members and units by points, for the commendation: the same as the
	 * report's two rankings.
	 */
	@GetMapping("/api/statistics/ranking")
	StatisticsService.Ranking ranking(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, @RequestParam(required = false) Integer half,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String unit, CurrentUser user) {
		requireReader(user);
		return this.statistics.ranking(Period.of(year, quarter, half, from, to), unit);
	}

	@GetMapping("/api/statistics/report.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, @RequestParam(required = false) Integer half,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String unit, CurrentUser user) {
		requireReader(user);
		Period period = Period.of(year, quarter, half, from, to);
		byte[] body = ReportWorkbook.render(this.statistics.report(period, unit));
		String filename = "社情民意信息统计_" + period.from() + "_" + period.to() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	/**
	 * After the scoring table changed: the year's points again, facts untouched.
	 * Administrators only.
	 */
	@PostMapping("/api/statistics/rescore")
	Map<String, Object> rescore(@RequestParam int year, CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw RuleViolation.forbidden("FORBIDDEN", "只有管理员可以重新计分");
		}
		if (year < 2000 || year > 2999) {
			throw new RuleViolation("PERIOD_INVALID", "年度无效：" + year);
		}
		return Map.of("year", year, "facts", this.statistics.rescore(year));
	}

	/**
	 * The info-section flags an outstanding piece (优秀社情民意); {@code flag=false} takes it
	 * back.
	 */
	@PostMapping("/api/pieces/{id}/outstanding")
	Map<String, Object> outstanding(@PathVariable long id, @RequestParam(defaultValue = "true") boolean flag,
			CurrentUser user) {
		if (!user.hasAnyRole(Role.INFO_SECTION, Role.ADMIN)) {
			throw RuleViolation.forbidden("FORBIDDEN", "只有信息科可以评定优秀信息");
		}
		this.statistics.flagOutstanding(id, flag, user.id());
		return Map.of("pieceId", id, "outstanding", flag);
	}

	/**
	 * A quota period in the answer: its code ({@code 2026-11}), Chinese label, days, and
	 * whether it is over.
	 */
	record QuotaPeriodView(String code, String kind, String label, LocalDate from, LocalDate to, boolean ended) {
	}

	/**
	 * One quota in one period: who is behind, and when the period was checked and they
	 * were reminded.
	 */
	record QuotaStanding(String group, String groupName, String every, int pieces, QuotaPeriodView period, int members,
			Instant checkedAt, int behindCount, List<QuotaService.Behind> behind) {
	}

	record QuotaAnswer(LocalDate today, List<QuotaStanding> quotas) {
	}

	/**
	 * Who is behind their submission quota (the same readers as the report):
	 * {@code ?period=2026-11} (or {@code 2026-W49}, {@code 2026-Q4}, {@code 2026}) gives
	 * each quota counted by that kind of period in it; without {@code period}, each quota
	 * in its latest period that is over.
	 */
	@GetMapping("/api/statistics/quotas")
	QuotaAnswer quotas(@RequestParam(required = false) String period, CurrentUser user) {
		requireReader(user);
		LocalDate today = EngineTime.instant().atZone(this.zone).toLocalDate();
		List<QuotaStanding> standings = this.quotas.standings(period, today)
			.stream()
			.map((standing) -> new QuotaStanding(standing.quota().group(), standing.quota().name(),
					standing.quota().period().every(), standing.quota().pieces(),
					new QuotaPeriodView(standing.period().code(),
							standing.period().kind().name().toLowerCase(java.util.Locale.ROOT),
							standing.period().label(), standing.period().from(), standing.period().to(),
							standing.period().endedBefore(today)),
					standing.members(), standing.checkedAt(), standing.behind().size(), standing.behind()))
			.toList();
		return new QuotaAnswer(today, standings);
	}

	private static void requireReader(CurrentUser user) {
		if (!user.hasAnyRole(Role.LEADER, Role.INFO_SECTION, Role.SUPERVISOR, Role.ADMIN, Role.SECRETARY_GENERAL,
				Role.VICE_CHAIR)) {
			throw RuleViolation.forbidden("FORBIDDEN", "无权查看统计数据");
		}
	}

}
