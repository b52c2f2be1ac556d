package org.minyi.web;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * What every request meets before any route: a size limit, no writes from other sites,
 * the actuator for administrators, and the webapps' login under the login throttle. After
 * the security headers (first) and the error answers (second), so that these refusals
 * carry both.
 */
@Configuration(proxyBeanMethods = false)
class HttpBoundaryConfiguration {

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
			@Value("${minyi.http.max-request-size:1MB}") DataSize maxBody,
			@Value("${spring.servlet.multipart.max-request-size:12MB}") DataSize maxAttachment,
			@Value("${minyi.http.max-deployment-size:20MB}") DataSize maxDeployment) {
		return registration("request-size-limit", new RequestSizeLimitFilter(maxBody, maxAttachment, maxDeployment), 2,
				"/*");
	}

	@Bean
	FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(SecuritySettings settings) {
		return registration("cross-site-requests", new CrossSiteRequestFilter(settings.trustedOrigins()), 3, "/*");
	}

	@Bean
	FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(BasicCredentials credentials,
			IdentityService identityService) {
		return registration("actuator-access", new ActuatorAccessFilter(credentials, identityService), 4,
				"/actuator/*");
	}

	@Bean
	FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(LoginThrottle throttle,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
		return registration("webapp-login-throttle", new WebappLoginThrottleFilter(throttle), 5,
				applicationPath + "/api/admin/auth/*");
	}

	private static <T extends Filter> FilterRegistrationBean<T> registration(String name, T filter, int position,
			String... urlPatterns) {
		FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
		registration.setName(name);
		registration.addUrlPatterns(urlPatterns);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
		return registration;
	}

}
