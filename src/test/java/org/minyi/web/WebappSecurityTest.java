package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.minyi.piece.PieceProcess;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.TestDatabase;
import org.minyi.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The webapps' and the application's protection against hostile browsers and guessed
 * passwords: CSRF, cookie flags, security headers, login throttling, password hashing and
 * the password policy.
 */
@MinyiIntegrationTest
class WebappSecurityTest {

	/**
	 * Wrong passwords from one address for one user before LoginThrottle makes it wait.
	 */
	private static final int FREE_ATTEMPTS = 3;

	private static final String PROBE_PASSWORD = "Lock-Probe-Pass-9";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldRefuseAWebappWriteWithASessionButWithoutTheCsrfToken() {
		WebappSession session = WebappSession.login(this.rest, "wangfang");
		String title = "CSRF探针 " + ThreadLocalRandom.current().nextInt(1_000_000);
		Map<String, Object> start = Map.of("variables",
				AuthorizationMatrixTest.restVariables(PieceFixtures.piece().title(title).variables()));
		String path = "/camunda/api/engine/engine/default/process-definition/key/" + PieceProcess.KEY + "/start";

		HttpHeaders forged = session.cookies();
		forged.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> refused = this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(start, forged),
				String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
		assertThat(piecesTitled(title)).isZero();

		// Camunda ends a session that sent a forged request: even with the token it is no
		// longer logged in.
		ResponseEntity<String> afterForgery = this.rest.exchange(path, HttpMethod.POST, session.json(start),
				String.class);
		assertThat(afterForgery.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(piecesTitled(title)).isZero();

		ResponseEntity<String> accepted = this.rest.exchange(path, HttpMethod.POST,
				WebappSession.login(this.rest, "wangfang").json(start), String.class);
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(piecesTitled(title)).isOne();
	}

	@Test
	void shouldSetTheSessionCookieHttpOnlyAndSameSite() {
		WebappSession session = WebappSession.login(this.rest, "wangfang");
		assertThat(session.sessionSetCookie()).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(session.csrfSetCookie()).containsIgnoringCase("SameSite=Lax");
	}

	@Test
	void shouldSendSecurityHeadersWithTheWebapps() {
		for (String page : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
				"/camunda/app/admin/default/")) {
			ResponseEntity<String> response = this.rest.getForEntity(page, String.class);
			assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
			HttpHeaders headers = response.getHeaders();
			String csp = headers.getFirst("Content-Security-Policy");
			assertThat(csp).as(page)
				.contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "'strict-dynamic'")
				.containsPattern("script-src 'nonce-[^']+'");
			// The nonce is the one the page's own script tags carry, so the webapps run
			// under this policy.
			String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
			assertThat(response.getBody()).as(page).contains("nonce=\"" + nonce + "\"");
			assertThat(headers.getFirst("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
			assertThat(headers.getFirst("X-Frame-Options")).as(page).isEqualTo("DENY");
		}
	}

	@Test
	void shouldSendSecurityHeadersWithTheApplicationsPagesApiAndEngineRest() {
		for (String path : List.of("/statistics.html", "/attachments.html", "/api/pieces/mine",
				"/api/pieces/999999999")) {
			ResponseEntity<String> response = this.rest.withBasicAuth("wangfang", "demo")
				.getForEntity(path, String.class);
			assertThat(response.getHeaders().getFirst("Content-Security-Policy")).as(path)
				.contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-eval");
			assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.getHeaders().getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
		}
		ResponseEntity<String> engineRest = this.rest.withBasicAuth("wangfang", "demo")
			.getForEntity("/engine-rest/process-definition/count", String.class);
		assertThat(engineRest.getHeaders().getFirst("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; frame-ancestors 'none'");
		assertThat(engineRest.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(engineRest.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
	}

	/**
	 * Wrong passwords slow down the address that sends them (LoginThrottle), never the
	 * account: the engine's own lock, which anyone knowing a user id could trigger, stays
	 * off.
	 */
	@Test
	void shouldSlowDownWrongPasswordsAtTheWebappLoginWithoutLockingTheUser() {
		String userId = probeUser();
		assertThat(webappLogin(userId, PROBE_PASSWORD)).isEqualTo(HttpStatus.OK);
		for (int attempt = 0; attempt < FREE_ATTEMPTS; attempt++) {
			assertThat(webappLogin(userId, "wrong-password")).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		ResponseEntity<String> throttled = WebappSession.attempt(this.rest, userId, PROBE_PASSWORD);
		assertThat(throttled.getStatusCode().value()).isEqualTo(429);
		assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(throttled.getBody()).contains("LOGIN_THROTTLED", "登录失败次数过多，请2秒后再试");

		assertNotLockedByTheEngine(userId);
	}

	@Test
	void shouldSlowDownWrongPasswordsOverBasicAuthenticationWithoutLockingTheUser() {
		String userId = probeUser();
		assertThat(basicAuth(userId, PROBE_PASSWORD)).isEqualTo(HttpStatus.OK);
		for (int attempt = 0; attempt < FREE_ATTEMPTS; attempt++) {
			assertThat(basicAuth(userId, "wrong-password")).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		// Even the right password waits now, on engine-rest and on the application's API
		// alike.
		assertThat(basicAuth(userId, PROBE_PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<String> api = this.rest.withBasicAuth(userId, PROBE_PASSWORD)
			.getForEntity("/api/pieces/mine", String.class);
		assertThat(api.getStatusCode().value()).isEqualTo(429);
		assertThat(api.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
		assertThat(api.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();

		assertNotLockedByTheEngine(userId);
	}

	/**
	 * However many wrong passwords arrive, from wherever, the engine still takes the
	 * right one.
	 */
	private void assertNotLockedByTheEngine(String userId) {
		for (int attempt = 0; attempt < 20; attempt++) {
			assertThat(this.identityService.checkPassword(userId, "wrong-password")).isFalse();
		}
		assertThat(this.identityService.checkPassword(userId, PROBE_PASSWORD)).isTrue();
	}

	@Test
	void shouldStorePasswordsOnlyAsSaltedHashes() {
		String userId = probeUser();
		Map<String, Object> probe = this.jdbc.queryForMap("SELECT PWD_, SALT_ FROM ACT_ID_USER WHERE ID_ = ?", userId);
		assertThat((String) probe.get("PWD_")).startsWith("{SHA-512}").doesNotContain(PROBE_PASSWORD);
		assertThat((String) probe.get("SALT_")).isNotBlank();

		List<Map<String, Object>> users = this.jdbc.queryForList("SELECT ID_, PWD_, SALT_ FROM ACT_ID_USER");
		assertThat(users).hasSizeGreaterThan(10).allSatisfy((user) -> {
			assertThat((String) user.get("PWD_")).as((String) user.get("ID_"))
				.startsWith("{SHA-512}")
				.isNotIn("demo", "Test-Admin-Pw-1", PROBE_PASSWORD);
			assertThat((String) user.get("SALT_")).as((String) user.get("ID_")).isNotBlank();
		});
		// Salted: two users with the same password have different hashes.
		assertThat(this.jdbc.queryForList("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ IN ('wangfang', 'zhaolei')",
				String.class))
			.doesNotHaveDuplicates();
	}

	@Test
	void shouldRefuseAWeakPasswordWithAClearMessageOnPostgres() {
		assumeTrue(TestDatabase.isPostgres(), "the password policy is on in PostgreSQL mode only");
		assertThat(this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.getForEntity("/engine-rest/identity/password-policy", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		for (String weak : List.of("demo", "password123", "Short-1!", "NoDigitsHere!", "no-upper-case-1")) {
			String userId = "weakpw" + ThreadLocalRandom.current().nextInt(1_000_000);
			ResponseEntity<Map<String, Object>> refused = createUser(userId, weak);
			assertThat(refused.getStatusCode()).as(weak).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody()).as(weak).containsEntry("errorCode", "PASSWORD_POLICY");
			assertThat((String) refused.getBody().get("message")).contains("至少10个字符", "大写字母", "数字", "特殊字符");
			assertThat(this.identityService.createUserQuery().userId(userId).count()).as(weak).isZero();
		}
		String containsId = "pwholder" + ThreadLocalRandom.current().nextInt(1_000_000);
		assertThat(createUser(containsId, "Pw-" + containsId + "-9").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		String strong = "strongpw" + ThreadLocalRandom.current().nextInt(1_000_000);
		assertThat(createUser(strong, "Gu4rded-Secret!").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.identityService.checkPassword(strong, "Gu4rded-Secret!")).isTrue();
	}

	/**
	 * H2 is the first-run and demo database: no password policy, so that the demo
	 * password works.
	 */
	@Test
	void shouldAcceptAnyPasswordOnTheEmbeddedDemoDatabase() {
		assumeFalse(TestDatabase.isPostgres(), "H2 only");
		assertThat(this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.getForEntity("/engine-rest/identity/password-policy", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		String userId = "weakpw" + ThreadLocalRandom.current().nextInt(1_000_000);
		assertThat(createUser(userId, "demo").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.identityService.checkPassword(userId, "demo")).isTrue();
	}

	// --- helpers
	// -------------------------------------------------------------------------------------

	/**
	 * A user of its own for every test that sends wrong passwords: never a shared demo
	 * user.
	 */
	private String probeUser() {
		String userId = "lockprobe" + ThreadLocalRandom.current().nextInt(1_000_000);
		User user = this.identityService.newUser(userId);
		user.setFirstName("登录探针");
		user.setLastName("");
		user.setPassword(PROBE_PASSWORD);
		this.identityService.saveUser(user);
		this.identityService.createMembership(userId, "submitter");
		return userId;
	}

	private HttpStatus basicAuth(String userId, String password) {
		return HttpStatus.valueOf(this.rest.withBasicAuth(userId, password)
			.getForEntity("/engine-rest/process-definition/count", String.class)
			.getStatusCode()
			.value());
	}

	private HttpStatus webappLogin(String userId, String password) {
		return HttpStatus.valueOf(WebappSession.attempt(this.rest, userId, password).getStatusCode().value());
	}

	private ResponseEntity<Map<String, Object>> createUser(String userId, String password) {
		Map<String, Object> body = Map.of("profile",
				Map.of("id", userId, "firstName", "密码", "lastName", "探针", "email", userId + "@minyi.example"),
				"credentials", Map.of("password", password));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth("admin", "Test-Admin-Pw-1")
			.exchange("/engine-rest/user/create", HttpMethod.POST, new HttpEntity<>(body, headers),
					org.minyi.support.Http.OBJECT);
	}

	private long piecesTitled(String title) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM minyi_piece WHERE title = ?", Long.class, title);
	}

}
