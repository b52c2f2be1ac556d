package org.minyi.feedback;

import java.time.Instant;
import java.util.List;

import org.minyi.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "My feedback": what the current user has been told about the pieces that credit them.
 */
@RestController
class FeedbackApiController {

	record FeedbackView(Long id, Long pieceId, String milestone, String message, Instant createdAt, boolean read) {
	}

	private final FeedbackService feedback;

	FeedbackApiController(FeedbackService feedback) {
		this.feedback = feedback;
	}

	@GetMapping("/api/feedback")
	List<FeedbackView> mine(CurrentUser user) {
		return this.feedback.of(user.id())
			.stream()
			.map((entry) -> new FeedbackView(entry.id(), entry.pieceId(), entry.milestone(), entry.message(),
					entry.createdAt(), entry.isRead()))
			.toList();
	}

	@PostMapping("/api/feedback/{id}/read")
	ResponseEntity<Void> markRead(@PathVariable long id, CurrentUser user) {
		this.feedback.markRead(id, user.id());
		return ResponseEntity.noContent().build();
	}

}
