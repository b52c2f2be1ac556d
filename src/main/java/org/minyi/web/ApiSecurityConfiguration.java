package org.minyi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.minyi.identity.CurrentUser;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The application's API under {@code /api} requires a user; controllers receive it as
 * {@link CurrentUser}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService,
			BasicCredentials credentials) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identityService, credentials));
		registration.setName("api-authentication");
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/**
	 * Before every authentication filter, whose database failures it answers with 503.
	 */
	@Bean
	FilterRegistrationBean<ErrorAnswerFilter> errorAnswerFilter(ObjectMapper objectMapper) {
		FilterRegistrationBean<ErrorAnswerFilter> registration = new FilterRegistrationBean<>(
				new ErrorAnswerFilter(objectMapper));
		registration.setName("error-answers");
		registration.addUrlPatterns("/api/*", "/engine-rest/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == CurrentUser.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binderFactory) {
				return request.getAttribute(ApiAuthenticationFilter.CURRENT_USER, RequestAttributes.SCOPE_REQUEST);
			}

		});
	}

}
