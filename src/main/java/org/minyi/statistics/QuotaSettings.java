package org.minyi.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Submission quotas (报送任务).
 *
 * @param memberGroup the engine group of CPPCC members (委员)
 * @param memberPerYear pieces each member submits at least per year (default 1)
 * @param officerGroup the engine group of information officers (民情信息员)
 * @param officerPerMonth pieces each information officer submits at least per month (default 1)
 */
@ConfigurationProperties("minyi.statistics.quota")
public record QuotaSettings(String memberGroup, Integer memberPerYear, String officerGroup, Integer officerPerMonth) {

	public QuotaSettings {
		memberGroup = (memberGroup != null) ? memberGroup : "member";
		memberPerYear = (memberPerYear != null) ? memberPerYear : 1;
		officerGroup = (officerGroup != null) ? officerGroup : "info-officer";
		officerPerMonth = (officerPerMonth != null) ? officerPerMonth : 1;
	}

}
