package org.minyi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database the test JVM runs against, chosen by the system property
 * {@code minyi.test.db} ({@code h2} or {@code postgres}); Maven runs the whole suite once
 * for each. PostgreSQL is the embedded one unless {@code MINYI_TEST_PG_URL} (with
 * {@code MINYI_TEST_PG_USER}, {@code MINYI_TEST_PG_PASSWORD}) names an existing,
 * disposable database.
 */
public final class TestDatabase {

	public static final String KIND_PROPERTY = "minyi.test.db";

	private static EmbeddedPostgres embedded;

	private static Map<String, String> postgresProperties;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty(KIND_PROPERTY, "h2"));
	}

	public static String name() {
		return isPostgres() ? "PostgreSQL" : "H2";
	}

	/**
	 * Spring datasource properties for the chosen database; PostgreSQL is started on
	 * first use.
	 */
	public static Map<String, String> datasourceProperties() {
		if (!isPostgres()) {
			return Map.of("spring.datasource.url", "jdbc:h2:mem:minyi-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
					"spring.datasource.username", "sa", "spring.datasource.password", "");
		}
		return postgres();
	}

	/**
	 * A PostgreSQL for this JVM, also for tests that run on H2 but need PostgreSQL for
	 * one check.
	 */
	public static synchronized Map<String, String> postgres() {
		if (postgresProperties == null) {
			String url = System.getenv("MINYI_TEST_PG_URL");
			if (url != null && !url.isBlank()) {
				postgresProperties = Map.of("spring.datasource.url", url, "spring.datasource.username",
						env("MINYI_TEST_PG_USER", "postgres"), "spring.datasource.password",
						env("MINYI_TEST_PG_PASSWORD", ""));
			}
			else {
				try {
					// zonky runs PostgreSQL in a user namespace when the build runs as
					// root, as CI does.
					// A throwaway server: without fsync a crash loses it anyway, so it
					// keeps no crash safety
					// (no full-page images, no WAL for replicas: index builds then write
					// no WAL) and
					// checkpoints rarely. With larger buffers, the benchmark's bulk load
					// of tens of millions
					// of rows on two connections does not stall on checkpoints every
					// gigabyte of WAL or on
					// evicting its own pages; a normal test run uses a fraction of them.
					embedded = EmbeddedPostgres.builder()
						.setServerConfig("max_connections", "200")
						.setServerConfig("fsync", "off")
						.setServerConfig("full_page_writes", "off")
						.setServerConfig("wal_level", "minimal")
						.setServerConfig("max_wal_senders", "0")
						.setServerConfig("max_wal_size", "4GB")
						.setServerConfig("checkpoint_timeout", "30min")
						.setServerConfig("shared_buffers", "1GB")
						.setServerConfig("wal_buffers", "64MB")
						.setPGStartupWait(Duration.ofSeconds(60))
						.start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
				}
				postgresProperties = Map.of("spring.datasource.url", embedded.getJdbcUrl("postgres", "postgres"),
						"spring.datasource.username", "postgres", "spring.datasource.password", "");
			}
		}
		return postgresProperties;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null) ? fallback : value;
	}

}
