package org.minyi.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the test context at the database of {@link TestDatabase}. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>(TestDatabase.datasourceProperties());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("minyi-test-database", properties));
	}

}
