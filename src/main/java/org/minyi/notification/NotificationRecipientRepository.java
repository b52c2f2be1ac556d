package org.minyi.notification;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface NotificationRecipientRepository extends ListCrudRepository<NotificationRecipient, Long> {

	List<NotificationRecipient> findByUserIdAndChannelOrderByIdDesc(String userId,
			NotificationRecipient.Channel channel);

	List<NotificationRecipient> findByNotificationId(Long notificationId);

}
