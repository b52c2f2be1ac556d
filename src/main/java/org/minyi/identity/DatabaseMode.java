package org.minyi.identity;

import org.springframework.core.env.Environment;

/** Which kind of installation this is, judged by the configured database. */
public enum DatabaseMode {

	/** The embedded H2 file database: a first run, a demo or a developer's machine. */
	EMBEDDED,

	/** PostgreSQL: a real installation, with real passwords. */
	PRODUCTION;

	public static DatabaseMode of(Environment environment) {
		String url = environment.getProperty("spring.datasource.url", "");
		return url.startsWith("jdbc:postgresql:") ? PRODUCTION : EMBEDDED;
	}

}
