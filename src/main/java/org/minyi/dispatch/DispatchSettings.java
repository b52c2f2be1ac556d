package org.minyi.dispatch;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The committee's own dispatch settings.
 *
 * @param upwardLevels the higher committees this committee submits to (a district: city,
 * province, national)
 * @param answerWait how long an upward submission waits for its answer (ISO-8601, default
 * P60D); the BPMN timer reads it as {@code ${dispatchService.answerWait}}
 * @param confidentialMarking the marking printed on documents with confidential pieces
 */
@ConfigurationProperties("minyi.dispatch")
public record DispatchSettings(List<String> upwardLevels, String answerWait, String confidentialMarking) {

	public DispatchSettings {
		upwardLevels = (upwardLevels != null) ? List.copyOf(upwardLevels) : List.of("city", "province", "national");
		answerWait = (answerWait != null) ? answerWait : "P60D";
		confidentialMarking = (confidentialMarking != null) ? confidentialMarking : "内部资料 注意保存";
	}

}
