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
 * A Camunda webapp session as Tasklist's login page makes one: the session cookie and the CSRF token
 * that the webapps' API ({@code /camunda/api/...}) and the application's API want with every write.
 */
public final class WebappSession {

	public static final String ENGINE_API = "/camunda/api/engine/engine/default";

	private final String cookie;

	private final String csrfToken;

	private WebappSession(String cookie, String csrfToken) {
		this.cookie = cookie;
		this.csrfToken = csrfToken;
	}

	/** Logs in with the demo password. */
	public static WebappSession login(TestRestTemplate rest, String userId) {
		return login(rest, userId, "demo");
	}

	/**
	 * The login starts a new session, which gets its CSRF token with the next request, as the webapps'
	 * next call after the login does.
	 */
	public static WebappSession login(TestRestTemplate rest, String userId, String password) {
		ResponseEntity<String> start = rest.getForEntity("/camunda/api/engine/engine/", String.class);
		String csrf = cookie("XSRF-TOKEN", start);
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", userId);
		form.add("password", password);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, cookie("JSESSIONID", start) + "; " + csrf);
		headers.add("X-XSRF-TOKEN", csrf.substring(csrf.indexOf('=') + 1));
		ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
				new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).as("login of " + userId).isEqualTo(HttpStatus.OK);
		String session = cookie("JSESSIONID", start, login);
		HttpHeaders next = new HttpHeaders();
		next.add(HttpHeaders.COOKIE, session);
		ResponseEntity<String> afterLogin = rest.exchange("/camunda/api/engine/engine/", HttpMethod.GET,
				new HttpEntity<>(next), String.class);
		String token = cookie("XSRF-TOKEN", start, login, afterLogin);
		return new WebappSession(session + "; " + token, token.substring(token.indexOf('=') + 1));
	}

	/** The cookies and the CSRF token, for any request of this session. */
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, this.cookie);
		headers.add("X-XSRF-TOKEN", this.csrfToken);
		return headers;
	}

	/** A JSON request of this session. */
	public HttpEntity<Object> json(Object body) {
		HttpHeaders headers = headers();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	/** The value of the last Set-Cookie for this name among the responses, in order. */
	private static String cookie(String name, ResponseEntity<?>... responses) {
		String found = null;
		for (ResponseEntity<?> response : responses) {
			for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
				if (cookie.startsWith(name + "=")) {
					found = cookie;
				}
			}
		}
		assertThat(found).as("Set-Cookie " + name).isNotNull();
		int end = found.indexOf(';');
		return (end < 0) ? found : found.substring(0, end);
	}

}
