package org.minyi.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.minyi.common.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each webapp's {@code config.js} (our Chinese copy) with the committee's name
 * from configuration ({@code minyi.committee-name}) as the vendor the header and page
 * title show.
 */
@RestController
class WebappBranding {

	private static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");

	private static final String VENDOR = "vendor: '政协'";

	private final String committeeName;

	WebappBranding(@Value("${minyi.committee-name}") String committeeName) {
		this.committeeName = committeeName;
	}

	@GetMapping("/camunda/app/{app}/scripts/config.js")
	ResponseEntity<String> config(@PathVariable String app) throws IOException {
		if (!APPS.contains(app)) {
			throw RuleViolation.notFound("NOT_FOUND", "页面不存在");
		}
		ClassPathResource resource = new ClassPathResource(
				"META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js");
		String script;
		try (InputStream in = resource.getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String vendor = "vendor: '" + this.committeeName.replace("\\", "\\\\").replace("'", "\\'") + "'";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
			.cacheControl(CacheControl.noCache())
			.body(script.replace(VENDOR, vendor));
	}

}
