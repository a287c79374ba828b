package org.leveling.common.security;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokens} in front of the parser that verifies every request's bearer token
 * (smallrye-jwt's), so a token is verified by the library once and then reused until it expires
 * or {@code leveling.security.token-cache.ttl} (default one minute) passes. {@code ttl=PT0S}
 * verifies every request again.
 */
@Decorator
@Priority(1)
public abstract class CachingJwtParser implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens verified;

    @Inject
    CachingJwtParser(@Delegate @Any JWTParser parser,
            @ConfigProperty(name = "leveling.security.token-cache.ttl", defaultValue = "PT1M") Duration ttl,
            @ConfigProperty(name = "leveling.security.token-cache.max-entries", defaultValue = "10000") long maxEntries,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkewSeconds) {
        this.parser = parser;
        this.verified = new VerifiedTokens(ttl, maxEntries, Duration.ofSeconds(clockSkewSeconds), Ticker.systemTicker(),
                System::currentTimeMillis);
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        return verified.get(bearerToken, parser::parse);
    }
}
