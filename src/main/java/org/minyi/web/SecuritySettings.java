package org.minyi.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of the HTTP boundary.
 *
 * @param trustedOrigins origins besides this installation's own host that browsers may
 * send state-changing requests from ({@link CrossSiteRequestFilter})
 * @param loginMaxDelay the longest a client address waits after wrong passwords for one
 * user ({@link LoginThrottle}, default 60 s)
 */
@ConfigurationProperties("minyi.security")
record SecuritySettings(List<String> trustedOrigins, Duration loginMaxDelay) {

	SecuritySettings {
		trustedOrigins = (trustedOrigins != null) ? List.copyOf(trustedOrigins) : List.of();
		loginMaxDelay = (loginMaxDelay != null) ? loginMaxDelay : Duration.ofSeconds(60);
	}

}
