package org.minyi.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A Camunda webapp session as Tasklist's login page makes one: the session cookie and the
 * CSRF token that the webapps' API ({@code /camunda/api/...}) and the application's API
 * want with every write. The one login of the tests: for a session ({@link #login}) or
 * for the login's own answer ({@link #attempt}).
 */
public final class WebappSession {

	public static final String ENGINE_API = "/camunda/api/engine/engine/default";

	private static final String ENGINES = "/camunda/api/engine/engine/";

	private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

	private final String sessionSetCookie;

	private final String csrfSetCookie;

	private WebappSession(String sessionSetCookie, String csrfSetCookie) {
		this.sessionSetCookie = sessionSetCookie;
		this.csrfSetCookie = csrfSetCookie;
	}

	/** Logs in with the demo password. */
	public static WebappSession login(TestRestTemplate rest, String userId) {
		return login(rest, userId, "demo");
	}

	/**
	 * The login starts a new session, which gets its CSRF token with the next request, as
	 * the webapps' next call after the login does.
	 */
	public static WebappSession login(TestRestTemplate rest, String userId, String password) {
		ResponseEntity<String> start = rest.getForEntity(ENGINES, String.class);
		ResponseEntity<String> login = attempt(rest, start, userId, password);
		assertThat(login.getStatusCode()).as("login of " + userId).isEqualTo(HttpStatus.OK);
		String session = setCookie("JSESSIONID", start, login);
		HttpHeaders next = new HttpHeaders();
		next.add(HttpHeaders.COOKIE, nameValue(session));
		ResponseEntity<String> afterLogin = rest.exchange(ENGINES, HttpMethod.GET, new HttpEntity<>(next),
				String.class);
		return new WebappSession(session, setCookie("XSRF-TOKEN", start, login, afterLogin));
	}

	/**
	 * The login page's request, with the webapps' CSRF token of a fresh session: its
	 * answer, as it is.
	 */
	public static ResponseEntity<String> attempt(TestRestTemplate rest, String userId, String password) {
		return attempt(rest, rest.getForEntity(ENGINES, String.class), userId, password);
	}

	private static ResponseEntity<String> attempt(TestRestTemplate rest, ResponseEntity<String> start, String userId,
			String password) {
		String csrf = nameValue(setCookie("XSRF-TOKEN", start));
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", userId);
		form.add("password", password);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, nameValue(setCookie("JSESSIONID", start)) + "; " + csrf);
		headers.add("X-XSRF-TOKEN", csrf.substring(csrf.indexOf('=') + 1));
		return rest.postForEntity(LOGIN, new HttpEntity<>(form, headers), String.class);
	}

	/** The session cookie alone ({@code JSESSIONID=...}). */
	public String sessionCookie() {
		return nameValue(this.sessionSetCookie);
	}

	/** The Set-Cookie header that created the session, with its attributes. */
	public String sessionSetCookie() {
		return this.sessionSetCookie;
	}

	/** The Set-Cookie header of the CSRF token, with its attributes. */
	public String csrfSetCookie() {
		return this.csrfSetCookie;
	}

	/**
	 * The cookies without the CSRF header: what a forged request from another site
	 * carries.
	 */
	public HttpHeaders cookies() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, sessionCookie() + "; " + nameValue(this.csrfSetCookie));
		return headers;
	}

	/** The cookies and the CSRF token, for any request of this session. */
	public HttpHeaders headers() {
		HttpHeaders headers = cookies();
		String token = nameValue(this.csrfSetCookie);
		headers.add("X-XSRF-TOKEN", token.substring(token.indexOf('=') + 1));
		return headers;
	}

	/** A JSON request of this session. */
	public HttpEntity<Object> json(Object body) {
		HttpHeaders headers = headers();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	/** The last Set-Cookie for this name among the responses, in order. */
	private static String setCookie(String name, ResponseEntity<?>... responses) {
		String found = null;
		for (ResponseEntity<?> response : responses) {
			for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
				if (cookie.startsWith(name + "=")) {
					found = cookie;
				}
			}
		}
		assertThat(found).as("Set-Cookie " + name).isNotNull();
		return found;
	}

	private static String nameValue(String setCookie) {
		int end = setCookie.indexOf(';');
		return (end < 0) ? setCookie : setCookie.substring(0, end);
	}

}
