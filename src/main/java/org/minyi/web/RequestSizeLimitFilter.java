package org.minyi.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A size limit on every request body, before anything reads it: a JSON request is a few
 * kilobytes, an attachment at most 10 MB, a deployment of models and forms at most
 * {@code minyi.http.max-deployment-size}. Without it engine-rest read a 100 MB upload
 * whole into memory before refusing it. A body whose length is declared is refused at
 * once (413); one sent in chunks is read up to the limit and replayed, except a multipart
 * request to {@code /api}: the servlet container parses its parts from the connection
 * itself, within {@code spring.servlet.multipart.max-request-size}.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final long maxBody;

	private final long maxAttachment;

	private final long maxDeployment;

	RequestSizeLimitFilter(DataSize maxBody, DataSize maxAttachment, DataSize maxDeployment) {
		this.maxBody = maxBody.toBytes();
		this.maxAttachment = maxAttachment.toBytes();
		this.maxDeployment = maxDeployment.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (WITHOUT_BODY.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
			chain.doFilter(request, response);
			return;
		}
		long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			tooLarge(request, response, limit);
			return;
		}
		if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !partsParsedByContainer(request)) {
			byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
			if (body.length > limit) {
				tooLarge(request, response, limit);
				return;
			}
			chain.doFilter(new ReplayedRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean partsParsedByContainer(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
				&& request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private long limitFor(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.endsWith("/deployment/create") || lower.endsWith("/redeploy")) {
			return this.maxDeployment;
		}
		if (lower.startsWith("/api/pieces/") && lower.endsWith("/attachments")) {
			return this.maxAttachment;
		}
		return this.maxBody;
	}

	private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		// The client may still be sending: close the connection rather than read the
		// rest.
		response.setHeader("Connection", "close");
		HttpErrors.write(request, response, 413, "REQUEST_TOO_LARGE",
				"请求内容过大（不能超过" + DataSize.ofBytes(limit).toKilobytes() + "KB）");
	}

}
