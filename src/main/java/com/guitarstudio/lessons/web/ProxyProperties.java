package com.guitarstudio.lessons.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reverse proxies.
 *
 * @param trustedProxies TRUSTED_PROXIES: the proxies whose forwarded headers are believed, as CIDR
 *     ranges, comma-separated (see {@link TrustedProxies})
 */
@ConfigurationProperties("app")
record ProxyProperties(String trustedProxies) {}
