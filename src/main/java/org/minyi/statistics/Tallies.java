package org.minyi.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums over the facts of a period, added up from the parts it is read from: months
 * already rolled up and days read from the facts themselves. Every figure is additive
 * across months because a piece has one fact per event and credited person, dated the day
 * the event happened.
 */
final class Tallies {

	/** Breakdowns by member, unit, source type and category. */
	enum Dimension {

		MEMBER, UNIT, SOURCE_TYPE, CATEGORY;

		String code() {
			return name().toLowerCase().replace('_', '-');
		}

		static Dimension of(String code) {
			return valueOf(code.toUpperCase().replace('-', '_'));
		}

	}

	/** Pieces received and adopted by this committee in one group, and its points. */
	static final class Tally {

		String name;

		long received;

		long adopted;

		BigDecimal points = BigDecimal.ZERO;

	}

	private final Map<Dimension, Map<String, Tally>> groups = new HashMap<>();

	/**
	 * Per month, per "type|level": pieces counted once, events by the sum of their
	 * shares.
	 */
	private final Map<YearMonth, Map<String, long[]>> events = new TreeMap<>();

	void addGroup(Dimension dimension, String key, String name, long received, long adopted, BigDecimal points) {
		Tally tally = this.groups.computeIfAbsent(dimension, (d) -> new HashMap<>())
			.computeIfAbsent(key, (k) -> new Tally());
		if (tally.name == null) {
			tally.name = name;
		}
		tally.received += received;
		tally.adopted += adopted;
		tally.points = tally.points.add(points);
	}

	void addEvents(YearMonth month, String type, String level, long pieces, long count) {
		long[] sums = this.events.computeIfAbsent(month, (m) -> new HashMap<>())
			.computeIfAbsent(key(type, level), (k) -> new long[2]);
		sums[0] += pieces;
		sums[1] += count;
	}

	long pieces(String type, String level) {
		return sum(type, level, 0);
	}

	long events(String type, String level) {
		return sum(type, level, 1);
	}

	private long sum(String type, String level, int index) {
		String key = key(type, level);
		return this.events.values().stream().mapToLong((month) -> month.getOrDefault(key, new long[2])[index]).sum();
	}

	List<StatisticsService.Month> byMonth() {
		return this.events.entrySet()
			.stream()
			.map((entry) -> new StatisticsService.Month(entry.getKey().getYear(), entry.getKey().getMonthValue(),
					entry.getValue().getOrDefault(key("submitted", null), new long[2])[0],
					entry.getValue().getOrDefault(key("adopted", "committee"), new long[2])[0]))
			.toList();
	}

	List<StatisticsService.Row> rows(Dimension dimension) {
		return this.groups.getOrDefault(dimension, Map.of())
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.map((entry) -> new StatisticsService.Row(entry.getKey(), entry.getValue().name, entry.getValue().received,
					entry.getValue().adopted, entry.getValue().points.setScale(2, RoundingMode.HALF_UP)))
			.toList();
	}

	Map<Dimension, Map<String, Tally>> groups() {
		return this.groups;
	}

	Map<YearMonth, Map<String, long[]>> events() {
		return this.events;
	}

	static String key(String type, String level) {
		return type + "|" + ((level == null) ? "" : level);
	}

}
