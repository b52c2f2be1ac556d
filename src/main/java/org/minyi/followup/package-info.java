/**
 * Follow-up of leader instructions with the named departments (跟踪督办): a case per
 * department with a deadline in working days, a reminder before each deadline it gets and
 * escalation to supervisors after it, chases, one extension, hand-back requests, replies
 * (办复) and their review; and the archive (归档) of a piece once nothing is pending. The
 * instructions themselves: {@code org.minyi.instruction}; the steps a model takes:
 * {@link org.minyi.followup.FollowupAction}.
 */
package org.minyi.followup;
