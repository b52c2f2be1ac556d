package org.minyi.statistics;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Submission quotas (报送任务), one per kind of submitter: {@code minyi.statistics.quotas}.
 * Without any, members submit at least one piece a year and information officers one a
 * month, as the brief has it.
 *
 * @param quotas the quotas; a group may have more than one (one a week and five a
 * quarter)
 */
@ConfigurationProperties("minyi.statistics")
record QuotaSettings(List<Quota> quotas) {

	/**
	 * One quota.
	 *
	 * @param group the engine group of the submitters it applies to, e.g.
	 * {@code info-officer}
	 * @param name what the group is called (民情信息员); the group is created with it if
	 * missing
	 * @param period {@code week}, {@code month}, {@code quarter} or {@code year}
	 * @param pieces the pieces each member of the group submits at least per period
	 */
	record Quota(String group, String name, QuotaPeriod.Kind period, int pieces) {

		Quota {
			if (group == null || group.isBlank() || period == null || pieces < 1) {
				throw new IllegalArgumentException(
						"minyi.statistics.quotas: every quota needs a group, a period and at least one piece");
			}
			name = (name == null || name.isBlank()) ? group : name;
		}

		/** What the checks of this quota are stored under: {@code info-officer:month}. */
		String key() {
			return this.group + ":" + this.period.name().toLowerCase(Locale.ROOT);
		}

	}

	QuotaSettings {
		quotas = (quotas == null || quotas.isEmpty()) ? List.of(new Quota("member", "政协委员", QuotaPeriod.Kind.YEAR, 1),
				new Quota("info-officer", "民情信息员", QuotaPeriod.Kind.MONTH, 1)) : List.copyOf(quotas);
		if (quotas.stream().map(Quota::key).distinct().count() < quotas.size()) {
			throw new IllegalArgumentException("minyi.statistics.quotas: one quota per group and period");
		}
	}

}
