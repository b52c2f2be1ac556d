/**
 * Notifications (通知): an in-application inbox and e-mail, from templates in
 * {@code src/main/resources/notifications}. A notification is stored in the transaction
 * that causes it; each mail is then sent by a Camunda job of its own, retried with
 * back-off, an incident in Cockpit when retries run out, and never sent twice to a
 * recipient whose mail the server already accepted. Nothing here can fail or slow down a
 * user's task completion. No notification carries the title or text of a confidential
 * piece.
 */
package org.minyi.notification;
