package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.minyi.support.PieceFixtures;
import org.minyi.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A browser session may read the API, but changes need the session's CSRF token too. */
@MinyiIntegrationTest
class ApiSessionCsrfTest {

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldRefuseASessionWriteWithoutTheCsrfTokenAndAcceptItWithTheToken() {
		String cookie = WebappSession.login(this.rest, "wangfang").sessionCookie();
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

}
