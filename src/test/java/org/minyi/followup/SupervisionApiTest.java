package org.minyi.followup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minyi.support.Http;
import org.minyi.support.MinyiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@MinyiIntegrationTest
class SupervisionApiTest {

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldServeTheOverdueDashboardToSupervisorsAndAdministratorsOnly() {
		Http http = new Http(this.rest);
		assertThat(http.getList("zhengyu", "/api/supervision/overdue").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.getList("zhengyu", "/api/supervision/stages").getStatusCode()).isEqualTo(HttpStatus.OK);
		for (String user : new String[] { "wangfang", "liqiang", "wuhao", "huangwei" }) {
			assertThat(http.get(user, "/api/supervision/overdue").getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(this.rest.getForEntity("/api/supervision/overdue", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
