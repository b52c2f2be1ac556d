package org.minyi.dispatch;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.minyi.engine.EngineUser;
import org.minyi.engine.Privileged;
import org.minyi.piece.PieceRepository;
import org.springframework.stereotype.Component;

/**
 * Publishes the assembled issue and tells every piece's process (message
 * {@code PiecePublished}, by registration number), all in one transaction: a piece that
 * cannot be told fails the whole issue.
 */
@Component("publishIssueDelegate")
class PublishIssueDelegate implements JavaDelegate {

	private final PublicationService publication;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final PieceRepository pieces;

	PublishIssueDelegate(PublicationService publication, RuntimeService runtimeService, IdentityService identityService,
			PieceRepository pieces) {
		this.publication = publication;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.pieces = pieces;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String numbers = (String) execution.getVariable(DispatchProcess.PIECE_NUMBERS);
		List<String> registrationNumbers = (numbers == null) ? List.of()
				: Arrays.stream(numbers.split("[\\s,，、;；]+")).filter((number) -> !number.isBlank()).toList();
		BulletinIssue issue = this.publication.publish((String) execution.getVariable(DispatchProcess.PUBLICATION),
				registrationNumbers, EngineUser.currentId(this.identityService));
		execution.setVariable(DispatchProcess.ISSUE_ID, issue.id());
		execution.setVariable(DispatchProcess.ISSUE_LABEL, issue.label());
		execution.setVariable(DispatchProcess.DOCUMENT_URL, "/api/bulletin-issues/" + issue.id() + "/document");
		for (Long pieceId : issue.pieceIds()) {
			String number = this.pieces.findById(pieceId).orElseThrow().registrationNumber();
			Privileged.run(() -> this.runtimeService.createMessageCorrelation(DispatchProcess.MESSAGE_PUBLISHED)
				.processInstanceBusinessKey(number)
				.setVariable(DispatchProcess.ISSUE_LABEL, issue.label())
				.correlate());
		}
	}

}
