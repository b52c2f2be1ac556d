/**
 * Attachments (附件) of pieces: PDF, images and Word/Excel files, at most 10 MB each and 10
 * per piece, their type recognised from their bytes (Apache Tika), stored in the database
 * and only ever served for download. Tasklist 7.24's forms have no file picker, so
 * uploads go through the application's API and its page {@code /attachments.html}, which
 * the task forms link to.
 */
package org.minyi.attachment;
