package org.minyi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Minyi: the 社情民意信息 approval system of a CPPCC committee, on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MinyiApplication {

	public static void main(String[] args) {
		SpringApplication.run(MinyiApplication.class, args);
	}

}
