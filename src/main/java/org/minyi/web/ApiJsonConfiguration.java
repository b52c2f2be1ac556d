package org.minyi.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's JSON takes text only as text: Jackson would turn {@code 42} or {@code true}
 * into "42" and "true" and let a wrong type pass as a valid title or reference. No
 * property of Spring Boot says so.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer textOnlyAsText() {
		return (builder) -> builder.postConfigurer((mapper) -> mapper.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
