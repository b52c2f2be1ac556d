package org.minyi.intake;

import java.time.ZoneId;

import org.minyi.common.GaplessCounter;
import org.minyi.engine.EngineTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Registration numbers, gap-free per year: {@code 2026-0001}, {@code 2026-0002}, ... */
@Component
class RegistrationNumbers {

	private static final String COUNTER = "registration";

	private final GaplessCounter counter;

	private final ZoneId zone;

	RegistrationNumbers(GaplessCounter counter, @Value("${minyi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.counter = counter;
		this.zone = zone;
	}

	String next() {
		int year = EngineTime.instant().atZone(this.zone).getYear();
		return "%d-%04d".formatted(year, this.counter.next(COUNTER, year));
	}

}
