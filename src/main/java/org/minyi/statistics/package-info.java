/**
 * Statistics and assessment (统计考核): one fact per countable event and credited person, recorded from
 * the pieces' timelines; points from {@code bpmn/scoring.dmn}, kept apart so a changed table re-scores a
 * year; reports (received, adopted per level with rates, by source type, category, unit and member,
 * instructions, replies, overdue, rankings) as JSON and as an Excel workbook.
 */
package org.minyi.statistics;
