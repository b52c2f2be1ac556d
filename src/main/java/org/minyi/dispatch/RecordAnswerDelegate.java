package org.minyi.dispatch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.common.RuleViolation;
import org.minyi.engine.EngineUser;
import org.minyi.piece.PieceProcess;
import org.springframework.stereotype.Component;

/**
 * Records the answer of the level this branch of the upward submission waits for, as the
 * task gave it.
 */
@Component("recordAnswerDelegate")
class RecordAnswerDelegate implements JavaDelegate {

	private final AdoptionService adoptions;

	private final IdentityService identityService;

	RecordAnswerDelegate(AdoptionService adoptions, IdentityService identityService) {
		this.adoptions = adoptions;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.adoptions.recordAnswer((Long) execution.getVariable(PieceProcess.PIECE_ID),
				(String) execution.getVariable(DispatchProcess.UPWARD_LEVEL),
				(String) execution.getVariable(DispatchProcess.ADOPTION_FORM),
				parseDate((String) execution.getVariable(DispatchProcess.ADOPTED_ON)),
				(String) execution.getVariable(DispatchProcess.ADOPTION_REFERENCE), null,
				EngineUser.currentId(this.identityService));
	}

	static LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length())));
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation("ADOPTION_DATE_INVALID", "采用日期格式不正确：" + text);
		}
	}

}
