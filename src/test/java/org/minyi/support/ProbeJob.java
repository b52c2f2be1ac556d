package org.minyi.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.minyi.engine.ApplicationJob;

/**
 * An application job for the tests of {@code org.minyi.engine}'s application jobs: it
 * records the payloads it ran and fails while told to. Its retries differ from the mail
 * job's, to tell the two apart.
 */
public final class ProbeJob implements ApplicationJob {

	public static final String TYPE = "minyi-test-probe";

	public static final int ATTEMPTS = 3;

	public static final Duration INTERVAL = Duration.ofMinutes(2);

	private final List<String> payloads = new CopyOnWriteArrayList<>();

	private volatile boolean failing;

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void run(String payload) {
		this.payloads.add(payload);
		if (this.failing) {
			throw new IllegalStateException("probe failed on " + payload);
		}
	}

	@Override
	public int attempts() {
		return ATTEMPTS;
	}

	@Override
	public Duration retryInterval() {
		return INTERVAL;
	}

	/** The payloads run so far, failed attempts included. */
	public List<String> payloads() {
		return List.copyOf(this.payloads);
	}

	public void failing(boolean failing) {
		this.failing = failing;
	}

	public void reset() {
		this.payloads.clear();
		this.failing = false;
	}

}
