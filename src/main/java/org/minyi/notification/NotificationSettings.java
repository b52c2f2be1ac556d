package org.minyi.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender of notification mails
 * @param baseUrl how users reach this installation, for the links in messages
 */
@ConfigurationProperties("minyi.notification")
public record NotificationSettings(String from, String baseUrl) {

	public NotificationSettings {
		from = (from != null) ? from : "minyi@localhost";
		baseUrl = (baseUrl != null) ? baseUrl.replaceAll("/+$", "") : "http://localhost:8080";
	}

}
