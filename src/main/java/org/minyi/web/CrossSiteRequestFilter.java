package org.minyi.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that would change something when a browser says it comes from another
 * site ({@code Origin}, else {@code Referer}): a page elsewhere could otherwise post with
 * the credentials or session the browser holds for this one. Requests without either
 * header come from programs (Modeler, another committee's installation), which hold their
 * own credentials. The site is the host the browser addressed ({@code Host}, or
 * {@code X-Forwarded-Host} behind a proxy: a page cannot set either on a cross-site
 * request), or one of {@code minyi.security.trusted-origins}.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final List<String> trustedOrigins;

	CrossSiteRequestFilter(List<String> trustedOrigins) {
		this.trustedOrigins = trustedOrigins.stream().map((origin) -> origin.toLowerCase(Locale.ROOT)).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || sameSite(request)) {
			chain.doFilter(request, response);
			return;
		}
		HttpErrors.write(request, response, 403, "CROSS_SITE_REQUEST", "拒绝来自其他网站的请求");
	}

	private boolean sameSite(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			String referer = request.getHeader(HttpHeaders.REFERER);
			if (referer == null) {
				return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
			}
			origin = originOf(referer);
		}
		String normalized = origin.strip().toLowerCase(Locale.ROOT);
		if (this.trustedOrigins.contains(normalized)) {
			return true;
		}
		String authority = authorityOf(normalized);
		return authority != null && (authority.equals(lower(request.getHeader(HttpHeaders.HOST)))
				|| authority.equals(lower(request.getHeader("X-Forwarded-Host"))));
	}

	/**
	 * {@code https://host[:port]} of a URL, or {@code null} ("null" origins, sandboxed
	 * pages, included).
	 */
	private static String originOf(String url) {
		try {
			URI uri = URI.create(url.strip());
			return (uri.getScheme() == null || uri.getRawAuthority() == null) ? "null"
					: uri.getScheme() + "://" + uri.getRawAuthority();
		}
		catch (IllegalArgumentException ex) {
			return "null";
		}
	}

	private static String authorityOf(String origin) {
		try {
			URI uri = URI.create(origin);
			return (uri.getScheme() == null) ? null : uri.getRawAuthority();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String lower(String value) {
		return (value == null) ? null : value.strip().toLowerCase(Locale.ROOT);
	}

}
