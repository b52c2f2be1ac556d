package org.minyi.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Registers the mail job handler and one task listener on every user task of every model: candidates
 * or assignee are told when a task is created or assigned. Beans are looked up when used, since the
 * engine is built before them.
 */
@Component
class NotificationPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskNotificationListener> taskListener;

	private final ObjectProvider<NotificationRecipientRepository> recipients;

	private final ObjectProvider<NotificationRepository> notifications;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final ObjectProvider<NotificationSettings> settings;

	NotificationPlugin(ObjectProvider<TaskNotificationListener> taskListener,
			ObjectProvider<NotificationRecipientRepository> recipients,
			ObjectProvider<NotificationRepository> notifications, ObjectProvider<JavaMailSender> mailSender,
			ObjectProvider<NotificationSettings> settings) {
		this.taskListener = taskListener;
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

		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		TaskListener notify = (task) -> this.taskListener.getObject().notify(task);
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
				definition.addTaskListener(TaskListener.EVENTNAME_CREATE, notify);
				definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, notify);
			}

		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

}
