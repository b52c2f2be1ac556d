package org.minyi.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.minyi.engine.EngineTime;
import org.minyi.engine.Privileged;
import org.minyi.identity.GroupGrants;
import org.minyi.notification.NotificationRecipient;
import org.minyi.notification.NotificationService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission quotas (报送任务): who is behind in a period, counted from the submission facts,
 * and the check after each period ends that reminds them. Every period of every quota is
 * checked once ({@code minyi_quota_check}); checking it again reminds no one.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class QuotaService implements ApplicationRunner {

	/**
	 * A period missed while the application was stopped is checked at the next run, but
	 * no more than this many of one quota at once: after a long outage, reminders of
	 * long-past weeks would only be noise.
	 */
	static final int MAX_PERIODS_PER_CHECK = 5;

	/** A person behind their quota: submitted in the period against the quota. */
	record Behind(String userId, String name, long submitted, int quota) {
	}

	/**
	 * Where one quota stands in one period.
	 *
	 * @param checkedAt when the period was checked and those behind reminded;
	 * {@code null} if not (yet)
	 */
	record Standing(QuotaSettings.Quota quota, QuotaPeriod period, int members, Instant checkedAt,
			List<Behind> behind) {
	}

	/**
	 * What one check did: the periods it checked (quota key and period code) and the
	 * reminders sent.
	 */
	record Check(List<String> periods, int reminded) {
	}

	private final JdbcTemplate jdbc;

	private final IdentityService identityService;

	private final GroupGrants groups;

	private final NotificationService notifications;

	private final QuotaSettings settings;

	QuotaService(JdbcTemplate jdbc, IdentityService identityService, GroupGrants groups,
			NotificationService notifications, QuotaSettings settings, Environment environment) {
		for (String retired : List.of("minyi.statistics.quota.member-per-year",
				"minyi.statistics.quota.officer-per-month", "minyi.statistics.quota.member-group",
				"minyi.statistics.quota.officer-group")) {
			// Quietly ignored, a committee's quota would fall back to the default.
			if (environment.containsProperty(retired)) {
				throw new IllegalStateException(retired + " is no longer read: configure minyi.statistics.quotas"
						+ " (a group, its name, a period of week, month, quarter or year, and pieces; README, Quotas)");
			}
		}
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.groups = groups;
		this.notifications = notifications;
		this.settings = settings;
	}

	/** The quotas' groups exist, so administrators only add members to them. */
	@Override
	public void run(ApplicationArguments args) {
		for (QuotaSettings.Quota quota : this.settings.quotas()) {
			this.groups.ensureGroup(quota.group(), quota.name());
		}
	}

	/**
	 * Where the quotas stand: with a period code ({@code 2026-11}), each quota of that
	 * kind in that period (none if no quota is counted by months); without one, each
	 * quota in its latest period that is over.
	 */
	@Transactional(readOnly = true)
	public List<Standing> standings(String periodCode, LocalDate today) {
		QuotaPeriod asked = (periodCode == null || periodCode.isBlank()) ? null : QuotaPeriod.parse(periodCode);
		List<Standing> standings = new ArrayList<>();
		for (QuotaSettings.Quota quota : this.settings.quotas()) {
			if (asked == null || asked.kind() == quota.period()) {
				QuotaPeriod period = (asked != null) ? asked : quota.period().lastEndedBefore(today);
				List<User> members = members(quota.group());
				standings.add(new Standing(quota, period, members.size(), checkedAt(quota, period),
						behind(quota, period, members)));
			}
		}
		return standings;
	}

	/**
	 * Checks, for every quota, each period that is over and was not checked yet, and
	 * reminds everyone behind (inbox and mail). The first check of a quota takes only its
	 * latest period; later ones every period since the last one checked, at most
	 * {@link #MAX_PERIODS_PER_CHECK}. Runs in the caller's transaction: if two checks
	 * race for a period, one fails on the key of {@code minyi_quota_check} and its
	 * reminders are rolled back with it.
	 * @param today the day of the check, in the committee's zone
	 */
	@Transactional
	public Check checkEndedPeriods(LocalDate today) {
		List<String> checked = new ArrayList<>();
		int reminded = 0;
		for (QuotaSettings.Quota quota : this.settings.quotas()) {
			for (QuotaPeriod period : uncheckedPeriods(quota, today)) {
				List<Behind> behind = behind(quota, period, members(quota.group()));
				this.jdbc.update("""
						INSERT INTO minyi_quota_check (quota_key, period_start, period_end, checked_at, behind_count)
						VALUES (?, ?, ?, ?, ?)""", quota.key(), Date.valueOf(period.from()), Date.valueOf(period.to()),
						Timestamp.from(EngineTime.instant()), behind.size());
				for (Behind person : behind) {
					remind(quota, period, person);
				}
				checked.add(quota.key() + "@" + period.code());
				reminded += behind.size();
			}
		}
		return new Check(checked, reminded);
	}

	private List<QuotaPeriod> uncheckedPeriods(QuotaSettings.Quota quota, LocalDate today) {
		QuotaPeriod latest = quota.period().lastEndedBefore(today);
		LocalDate lastChecked = this.jdbc.queryForObject(
				"SELECT MAX(period_start) FROM minyi_quota_check WHERE quota_key = ?", LocalDate.class, quota.key());
		Deque<QuotaPeriod> periods = new ArrayDeque<>();
		QuotaPeriod floor = (lastChecked == null) ? latest : quota.period().containing(lastChecked).next();
		for (QuotaPeriod period = latest; !period.from().isBefore(floor.from())
				&& periods.size() < MAX_PERIODS_PER_CHECK; period = period.previous()) {
			periods.addFirst(period);
		}
		return List.copyOf(periods);
	}

	private void remind(QuotaSettings.Quota quota, QuotaPeriod period, Behind person) {
		this.notifications.notify("quota-reminder", List.of(person.userId()), null,
				Map.of("name", person.name(), "period", period.label(), "from", period.from().toString(), "to",
						period.to().toString(), "submitted", String.valueOf(person.submitted()), "quota",
						String.valueOf(person.quota()), "groupName", quota.name(), "every", quota.period().every()),
				null, Set.of(NotificationRecipient.Channel.INBOX, NotificationRecipient.Channel.MAIL));
	}

	private Instant checkedAt(QuotaSettings.Quota quota, QuotaPeriod period) {
		List<Timestamp> at = this.jdbc.queryForList(
				"SELECT checked_at FROM minyi_quota_check WHERE quota_key = ? AND period_start = ?", Timestamp.class,
				quota.key(), Date.valueOf(period.from()));
		return at.isEmpty() ? null : at.get(0).toInstant();
	}

	private List<User> members(String group) {
		return Privileged.call(this.identityService,
				() -> this.identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list());
	}

	private List<Behind> behind(QuotaSettings.Quota quota, QuotaPeriod period, List<User> members) {
		Map<String, Long> submitted = new HashMap<>();
		this.jdbc.query("""
				SELECT user_id, COUNT(DISTINCT piece_id) FROM minyi_stat_fact
				WHERE event_type = 'submitted' AND occurred_on BETWEEN ? AND ? AND user_id IS NOT NULL
				GROUP BY user_id""", (row) -> {
			submitted.put(row.getString(1), row.getLong(2));
		}, Date.valueOf(period.from()), Date.valueOf(period.to()));
		List<Behind> behind = new ArrayList<>();
		for (User user : members) {
			long count = submitted.getOrDefault(user.getId(), 0L);
			if (count < quota.pieces()) {
				behind.add(new Behind(user.getId(), name(user), count, quota.pieces()));
			}
		}
		behind.sort(Comparator.comparingLong(Behind::submitted).thenComparing(Behind::userId));
		return behind;
	}

	private static String name(User user) {
		String name = ((user.getFirstName() == null) ? "" : user.getFirstName())
				+ ((user.getLastName() == null) ? "" : user.getLastName());
		return name.isBlank() ? user.getId() : name;
	}

}
