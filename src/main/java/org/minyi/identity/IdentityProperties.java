package org.minyi.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The initial administrator and the demo data switch.
 *
 * @param admin the administrator created at start-up
 * @param demoData whether demo users and pieces are loaded; unset means "on H2 only"
 */
@ConfigurationProperties("minyi")
public record IdentityProperties(Admin admin, DemoData demoData) {

	public IdentityProperties {
		admin = (admin != null) ? admin : new Admin(null, null);
		demoData = (demoData != null) ? demoData : new DemoData(null, null);
	}

	public record Admin(String username, String password) {

		public Admin {
			username = (username == null || username.isBlank()) ? "admin" : username;
		}

	}

	public record DemoData(Boolean enabled, String password) {

		public DemoData {
			password = (password == null || password.isBlank()) ? "demo" : password;
		}

		/**
		 * Demo data is on when asked for, and by default on the embedded database only.
		 */
		public boolean enabledFor(DatabaseMode mode) {
			return (this.enabled != null) ? this.enabled : mode == DatabaseMode.EMBEDDED;
		}

	}

}
