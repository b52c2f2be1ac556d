package org.minyi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.minyi.taskform.FormSubmissions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * engine-rest answers only to HTTP basic authentication against the engine's users; the
 * engine's authorizations then decide what each user may see and do. Camunda Modeler
 * deploys through it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurityConfiguration {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
			BasicCredentials credentials) {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new EngineRestAuthenticationFilter(credentials));
		registration.setName("engine-rest-authentication");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		return registration;
	}

	/**
	 * After engine-rest's authentication, whose user it needs; the webapps' user is in
	 * the session.
	 */
	@Bean
	FilterRegistrationBean<EngineRouteGuard> engineRouteGuard(ObjectMapper objectMapper,
			IdentityService identityService, AuthorizationService authorizationService,
			ManagementService managementService, RuntimeService runtimeService, HistoryService historyService) {
		FilterRegistrationBean<EngineRouteGuard> registration = new FilterRegistrationBean<>(
				new EngineRouteGuard(objectMapper, identityService, authorizationService, managementService,
						runtimeService, historyService));
		registration.setName("engine-route-guard");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		return registration;
	}

	/**
	 * After the authentication of engine-rest and of the webapps, whose user it needs.
	 */
	@Bean
	FilterRegistrationBean<DeclaredVariablesFilter> declaredVariablesFilter(ObjectMapper objectMapper,
			IdentityService identityService, RepositoryService repositoryService, FormSubmissions formSubmissions) {
		FilterRegistrationBean<DeclaredVariablesFilter> registration = new FilterRegistrationBean<>(
				new DeclaredVariablesFilter(objectMapper, identityService, repositoryService, formSubmissions));
		registration.setName("declared-variables");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		return registration;
	}

}
