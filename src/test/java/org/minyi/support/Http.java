package org.minyi.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls as a demo user (password {@code demo}), answers as JSON maps. */
public final class Http {

	public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final TestRestTemplate rest;

	public Http(TestRestTemplate rest) {
		this.rest = rest;
	}

	public ResponseEntity<Map<String, Object>> get(String userId, String path) {
		return this.rest.withBasicAuth(userId, "demo").exchange(path, HttpMethod.GET, null, OBJECT);
	}

	public ResponseEntity<List<Map<String, Object>>> getList(String userId, String path) {
		return this.rest.withBasicAuth(userId, "demo").exchange(path, HttpMethod.GET, null, LIST);
	}

	public ResponseEntity<Map<String, Object>> post(String userId, String path, Object body) {
		return this.rest.withBasicAuth(userId, "demo").exchange(path, HttpMethod.POST, json(body), OBJECT);
	}

	/** Raw text, for bodies a well-behaved client would never send. */
	public ResponseEntity<String> postRaw(String userId, String path, String body) {
		return this.rest.withBasicAuth(userId, "demo").exchange(path, HttpMethod.POST, json(body), String.class);
	}

	private static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
