package org.minyi.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Third-party front-end files served by the application itself (no CDN): Chart.js from
 * its webjar.
 */
@Configuration(proxyBeanMethods = false)
class VendorResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/vendor/chart.js/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/chart.js/4.4.1/");
	}

}
