/**
 * Statistics and assessment (统计考核): one fact per countable event and credited person,
 * recorded from the pieces' timelines; points from {@code bpmn/scoring.dmn}, kept apart
 * so a changed table re-scores a year; reports (received, adopted per level with rates,
 * by source type, category, unit and member, instructions, replies, overdue, rankings) as
 * JSON and as an Excel workbook; submission quotas per kind of submitter and period, each
 * period checked once after it ended ({@code minyi_quota_check},
 * {@code bpmn/quarterly-statistics.bpmn}), and who is behind.
 */
package org.minyi.statistics;
