/**
 * The piece's whole record as one reader may see it (Tasklist's 「信息全貌」 tab on every
 * task): the text, the timeline with names instead of codes, the verification, the
 * leader's instructions, the departments' cases, adoptions and attachments. It only
 * reads, through the public services of the capabilities that own each part, and shows
 * nothing the piece's read rules ({@code PieceAccess}, {@code CommentAudience}) keep from
 * the reader.
 */
package org.minyi.record;
