package org.leveling.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.Tokens;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The cache in front of token verification: what it remembers, for how long, and what it never does. */
class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    /** Test time: the cache's ticker and the wall clock move together, only when told. */
    private final AtomicLong nanos = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private final AtomicInteger verifications = new AtomicInteger();
    private final DefaultJWTParser parser = new DefaultJWTParser();

    private VerifiedTokens cache(Duration ttl) {
        return new VerifiedTokens(ttl, 100, SKEW, nanos::get,
                () -> startMillis + TimeUnit.NANOSECONDS.toMillis(nanos.get()));
    }

    /** Reads the claims (the signature is the library's business and is verified by every service test). */
    private JsonWebToken verify(String token) throws ParseException {
        verifications.incrementAndGet();
        return parser.parseOnly(token);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void theSameTokenIsVerifiedOnceWithinTheTtl() throws Exception {
        VerifiedTokens cache = cache(Duration.ofMinutes(1));
        String token = Tokens.forEmployee("E300", "employee");

        JsonWebToken first = cache.get(token, this::verify);
        advance(Duration.ofSeconds(59));
        JsonWebToken again = cache.get(token, this::verify);

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(cache.get(Tokens.forEmployee("E301", "employee"), this::verify).getSubject()).isEqualTo("E301");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainOnceTheTtlHasPassed() throws Exception {
        VerifiedTokens cache = cache(Duration.ofMinutes(1));
        String token = Tokens.forEmployee("E300", "employee");

        cache.get(token, this::verify);
        advance(Duration.ofSeconds(61));
        cache.get(token, this::verify);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsNotReusedPastItsExpiryPlusTheClockSkew() throws Exception {
        VerifiedTokens cache = cache(Duration.ofMinutes(10));
        String token = Tokens.token("E300", Set.of("employee"))
                .expiringAt(Instant.ofEpochMilli(startMillis).plusSeconds(20)).sign();

        cache.get(token, this::verify);
        advance(Duration.ofSeconds(49));
        cache.get(token, this::verify);
        assertThat(verifications).as("within exp + skew").hasValue(1);

        advance(Duration.ofSeconds(2));
        cache.get(token, this::verify);
        assertThat(verifications).as("past exp + skew: the library decides again").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens cache = cache(Duration.ofMinutes(1));
        VerifiedTokens.Verifier refusing = token -> {
            verifications.incrementAndGet();
            throw new ParseException("signature does not verify");
        };

        assertThatThrownBy(() -> cache.get("forged", refusing)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.get("forged", refusing)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aZeroTtlVerifiesEveryTime() throws Exception {
        VerifiedTokens cache = cache(Duration.ZERO);
        String token = Tokens.forEmployee("E300", "employee");

        cache.get(token, this::verify);
        cache.get(token, this::verify);

        assertThat(verifications).hasValue(2);
    }
}
