package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A browser session may read the API, but changes need the session's CSRF token too. */
@MinyiIntegrationTest
class ApiSessionCsrfTest {

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldRefuseASessionWriteWithoutTheCsrfTokenAndAcceptItWithTheToken() {
		String cookie = login("wangfang");
		HttpHeaders session = new HttpHeaders();
		session.add(HttpHeaders.COOKIE, cookie);
		session.setContentType(MediaType.APPLICATION_JSON);
		Map<String, Object> piece = PieceFixtures.piece().variables();

		ResponseEntity<String> forged = this.rest.exchange("/api/pieces", HttpMethod.POST,
				new HttpEntity<>(piece, session), String.class);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forged.getBody()).contains("CSRF_TOKEN_INVALID");

		ResponseEntity<Map<String, Object>> me = this.rest.exchange("/api/session", HttpMethod.GET,
				new HttpEntity<>(session), Http.OBJECT);
		assertThat(me.getBody()).containsEntry("userId", "wangfang");
		session.add("X-XSRF-TOKEN", (String) me.getBody().get("csrfToken"));
		ResponseEntity<String> genuine = this.rest.exchange("/api/pieces", HttpMethod.POST,
				new HttpEntity<>(piece, session), String.class);
		assertThat(genuine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	/** Logs in as the Tasklist login page does (with the webapps' CSRF token); returns the session cookie. */
	private String login(String userId) {
		ResponseEntity<String> start = this.rest.getForEntity("/camunda/api/engine/engine/", String.class);
		String csrf = cookie(start, "XSRF-TOKEN");
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", userId);
		form.add("password", "demo");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, cookie(start, "JSESSIONID") + "; " + csrf);
		headers.add("X-XSRF-TOKEN", csrf.substring(csrf.indexOf('=') + 1));
		ResponseEntity<String> response = this.rest.postForEntity(
				"/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return cookie(response, "JSESSIONID");
	}

	private static String cookie(ResponseEntity<?> response, String name) {
		List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
		return cookies.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

}
