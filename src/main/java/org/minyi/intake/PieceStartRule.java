package org.minyi.intake;

import org.minyi.common.RuleViolation;
import org.minyi.piece.PieceProcess;
import org.minyi.taskform.StartRequest;
import org.minyi.taskform.StartRule;
import org.springframework.stereotype.Component;

/**
 * A piece's business key is its registration number, which the application gives at
 * registration.
 */
@Component
class PieceStartRule implements StartRule {

	@Override
	public void check(String processDefinitionKey, StartRequest request) {
		if (PieceProcess.KEY.equals(processDefinitionKey) && request.businessKey() != null
				&& !request.businessKey().isEmpty()) {
			throw new RuleViolation("BUSINESS_KEY_NOT_ALLOWED", "业务标识（登记编号）由系统生成，不能在提交时指定");
		}
	}

}
