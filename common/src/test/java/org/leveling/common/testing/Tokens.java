package org.leveling.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints signed bearer tokens with the development key (deploy/local/dev-keys/private.pem), the
 * way an identity provider would: {@code sub} = employee id, {@code groups} = roles. Tests use it so
 * that every request goes through real signature verification; {@code deploy/local/token} runs
 * {@link #main}.
 */
public final class Tokens {

    public static final String ISSUER = "https://leveling.local/dev";
    public static final String AUDIENCE = "leveling";

    private Tokens() {
    }

    /** A token valid for an hour for {@code employeeId} with {@code roles}. */
    public static String forEmployee(String employeeId, String... roles) {
        return token(employeeId, Set.of(roles)).sign();
    }

    /** "Bearer ..." for an Authorization header. */
    public static String bearer(String employeeId, String... roles) {
        return "Bearer " + forEmployee(employeeId, roles);
    }

    public static Token token(String employeeId, Set<String> roles) {
        return new Token(employeeId, roles, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)), devKey(), null);
    }

    /** A token under construction; each {@code with...} returns a changed copy. */
    public record Token(String subject, Set<String> roles, String issuer, String audience, Instant expiresAt,
            PrivateKey key, String upn) {

        public Token withIssuer(String value) {
            return new Token(subject, roles, value, audience, expiresAt, key, upn);
        }

        public Token withAudience(String value) {
            return new Token(subject, roles, issuer, value, expiresAt, key, upn);
        }

        public Token expiringAt(Instant value) {
            return new Token(subject, roles, issuer, audience, value, key, upn);
        }

        /** With a {@code upn} claim, which some providers fill with a login name rather than the employee id. */
        public Token withUpn(String value) {
            return new Token(subject, roles, issuer, audience, expiresAt, key, value);
        }

        /** Signed by a key nobody trusts. */
        public Token forged() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return new Token(subject, roles, issuer, audience, expiresAt, generator.generateKeyPair().getPrivate(),
                        upn);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public String sign() {
            var claims = Jwt.issuer(issuer).subject(subject);
            if (upn != null) {
                claims.upn(upn);
            }
            return claims
                    .groups(roles)
                    .audience(audience)
                    .issuedAt(Instant.now().minus(Duration.ofMinutes(1)))
                    .expiresAt(expiresAt)
                    .jws().keyId("leveling-dev")
                    .sign(key);
        }
    }

    private static PrivateKey devKey() {
        Path file = Path.of(System.getProperty("leveling.dev.private-key",
                Path.of(System.getProperty("leveling.root.dir", "."), "deploy/local/dev-keys/private.pem").toString()));
        try {
            String pem = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dev signing key " + file, e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Invalid dev signing key " + file, e);
        }
    }

    /** {@code Tokens <employeeId> [role ...] [--hours N]}: prints one signed token. */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: deploy/local/token <employeeId> [role ...] [--hours N]");
            System.err.println("roles: employee manager hr-admin committee analyst");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        long hours = 8;
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < rest.size(); i++) {
            if (rest.get(i).equals("--hours") && i + 1 < rest.size()) {
                hours = Long.parseLong(rest.get(++i));
            } else {
                roles.add(rest.get(i));
            }
        }
        if (roles.isEmpty()) {
            roles.add("employee");
        }
        System.out.println(token(args[0], roles).expiringAt(Instant.now().plus(Duration.ofHours(hours))).sign());
    }
}
