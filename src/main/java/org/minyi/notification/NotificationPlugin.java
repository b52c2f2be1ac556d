package org.minyi.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Registers the mail job handler and its retries. Beans are looked up when used, since the engine is
 * built before them.
 */
@Component
class NotificationPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<NotificationRecipientRepository> recipients;

	private final ObjectProvider<NotificationRepository> notifications;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final ObjectProvider<NotificationSettings> settings;

	NotificationPlugin(ObjectProvider<NotificationRecipientRepository> recipients,
			ObjectProvider<NotificationRepository> notifications, ObjectProvider<JavaMailSender> mailSender,
			ObjectProvider<NotificationSettings> settings) {
		this.recipients = recipients;
		this.notifications = notifications;
		this.mailSender = mailSender;
		this.settings = settings;
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory(new MailRetries(configuration.getFailedJobCommandFactory()));
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<JobHandler> handlers = new ArrayList<>();
		if (configuration.getCustomJobHandlers() != null) {
			handlers.addAll(configuration.getCustomJobHandlers());
		}
		handlers.add(new MailJobHandler(this.recipients::getObject, this.notifications::getObject,
				this.mailSender::getIfAvailable, this.settings::getObject));
		configuration.setCustomJobHandlers(handlers);
	}

}
