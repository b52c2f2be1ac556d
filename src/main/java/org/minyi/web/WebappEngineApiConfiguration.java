package org.minyi.web;

import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's, Cockpit's and Admin's copy of engine-rest ({@code /camunda/api/engine}),
 * with engine-rest's error answers: a rule's code and Chinese message instead of "Cannot
 * submit task form …", 4xx for a client's mistake, no engine class names. Camunda's
 * webapp initializer registers this servlet only when none of its name exists, so
 * registering it first, with the same application, replaces it.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineApiConfiguration {

	/** The name Camunda's initializer looks for. */
	static final String SERVLET_NAME = "Engine Api";

	@Bean
	ServletRegistrationBean<ServletContainer> webappEngineApi(JdbcTemplate jdbc,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
		ResourceConfig config = ResourceConfig.forApplication(new EngineRestApplication());
		EngineRestConfiguration.registerErrorAnswers(config, jdbc);
		ServletRegistrationBean<ServletContainer> registration = new ServletRegistrationBean<>(
				new ServletContainer(config), applicationPath + "/api/engine/*");
		registration.setName(SERVLET_NAME);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
