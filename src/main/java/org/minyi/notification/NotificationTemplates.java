package org.minyi.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Chinese message templates, one file per key under {@code notifications/}: the first
 * line is the subject, the rest the body; {@code ${name}} is replaced by the value given
 * for it.
 */
@Component
class NotificationTemplates {

	record Rendered(String subject, String body) {
	}

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	Rendered render(String key, Map<String, String> values) {
		String template = this.cache.computeIfAbsent(key, NotificationTemplates::load);
		String text = fill(template, values);
		int newline = text.indexOf('\n');
		return new Rendered(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
	}

	private static String load(String key) {
		if (!key.matches("[a-z-]+")) {
			throw new IllegalArgumentException("Invalid notification template key: " + key);
		}
		ClassPathResource resource = new ClassPathResource("notifications/" + key + ".txt");
		if (!resource.exists()) {
			throw new IllegalArgumentException("No notification template " + key);
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String fill(String template, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			String value = values.getOrDefault(matcher.group(1), "");
			matcher.appendReplacement(text, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(text);
		return text.toString();
	}

}
