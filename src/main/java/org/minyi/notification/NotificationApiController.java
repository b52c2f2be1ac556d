package org.minyi.notification;

import java.util.List;

import org.minyi.identity.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** "My notifications": the in-application inbox, read and unread. */
@RestController
class NotificationApiController {

	private final NotificationService notifications;

	NotificationApiController(NotificationService notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	List<NotificationService.InboxEntry> mine(CurrentUser user) {
		return this.notifications.inbox(user.id());
	}

	@PostMapping("/api/notifications/{id}/read")
	ResponseEntity<Void> markRead(@PathVariable long id, CurrentUser user) {
		this.notifications.markRead(id, user.id());
		return ResponseEntity.noContent().build();
	}

}
