package org.minyi.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.minyi.common.Privileged;
import org.minyi.identity.GroupGrants;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Who is behind their quota: members with fewer pieces this year than the yearly quota, information
 * officers with fewer this month than the monthly quota. Counted from the submission facts.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class QuotaService implements ApplicationRunner {

	/** A person behind their quota: submitted so far against the quota of the period. */
	public record Behind(String userId, String name, String group, long submitted, int quota) {
	}

	private final JdbcTemplate jdbc;

	private final IdentityService identityService;

	private final GroupGrants groups;

	private final QuotaSettings settings;

	QuotaService(JdbcTemplate jdbc, IdentityService identityService, GroupGrants groups, QuotaSettings settings) {
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.groups = groups;
		this.settings = settings;
	}

	/** The two quota groups exist, so administrators only add members to them. */
	@Override
	public void run(ApplicationArguments args) {
		this.groups.ensureGroup(this.settings.memberGroup(), "政协委员");
		this.groups.ensureGroup(this.settings.officerGroup(), "民情信息员");
	}

	public List<Behind> behind(LocalDate day) {
		List<Behind> behind = new ArrayList<>();
		LocalDate yearStart = day.withDayOfYear(1);
		YearMonth month = YearMonth.from(day);
		addBehind(behind, this.settings.memberGroup(), this.settings.memberPerYear(), yearStart,
				yearStart.plusYears(1).minusDays(1));
		addBehind(behind, this.settings.officerGroup(), this.settings.officerPerMonth(), month.atDay(1),
				month.atEndOfMonth());
		return behind;
	}

	private void addBehind(List<Behind> behind, String group, int quota, LocalDate from, LocalDate to) {
		List<User> users = Privileged.call(this.identityService,
				() -> this.identityService.createUserQuery().memberOfGroup(group).list());
		for (User user : users) {
			Number submitted = this.jdbc.queryForObject("""
					SELECT COUNT(DISTINCT piece_id) FROM minyi_stat_fact
					WHERE event_type = 'submitted' AND user_id = ? AND occurred_on BETWEEN ? AND ?""", Number.class,
					user.getId(), Date.valueOf(from), Date.valueOf(to));
			long count = (submitted == null) ? 0 : submitted.longValue();
			if (count < quota) {
				String name = ((user.getFirstName() == null) ? "" : user.getFirstName())
						+ ((user.getLastName() == null) ? "" : user.getLastName());
				behind.add(new Behind(user.getId(), name.isBlank() ? user.getId() : name, group, count, quota));
			}
		}
	}

}
