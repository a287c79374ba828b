package org.leveling.common.security;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens that passed verification recently, by their exact text. A client sends the same
 * token with every request; verifying its signature and parsing its claims again each time was
 * the largest single cost of a request (JFR on the intake benchmark: 11 % of the service's CPU).
 *
 * <p>A token is remembered until its {@code exp} plus the allowed clock skew, or for {@code ttl},
 * whichever comes first; a failed verification is never remembered. Only the identical string
 * matches, so a modified token is always verified. The price: a token whose signing key the
 * identity provider withdraws keeps being accepted for at most {@code ttl}.
 */
final class VerifiedTokens {

    /** Verifies a token (the library's parser); throws when it is not valid. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    /** Null when caching is off ({@code ttl} zero or no entries allowed). */
    private final Cache<String, JsonWebToken> verified;

    VerifiedTokens(Duration ttl, long maxEntries, Duration clockSkew, Ticker ticker, LongSupplier epochMillis) {
        if (ttl.isZero() || maxEntries <= 0) {
            this.verified = null;
            return;
        }
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).ticker(ticker)
                .expireAfter(new Expiry<String, JsonWebToken>() {
                    @Override
                    public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
                        long untilExpiry = jwt.getExpirationTime() * 1000 + clockSkew.toMillis() - epochMillis.getAsLong();
                        return Duration.ofMillis(Math.max(0, Math.min(untilExpiry, ttl.toMillis()))).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                }).build();
    }

    JsonWebToken get(String token, Verifier verifier) throws ParseException {
        if (verified == null) {
            return verifier.verify(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken fresh = verifier.verify(token);
        verified.put(token, fresh);
        return fresh;
    }
}
