package org.leveling.common.web;

import jakarta.ws.rs.core.EntityTag;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * Entity tags as every service writes them — the resource's revision number — and the
 * {@code If-Match} header read back into a revision.
 */
public final class IfMatch {

    /** {@code If-Match: *}: whatever revision is current (RFC 9110). */
    public static final long ANY = Long.MIN_VALUE;

    private IfMatch() {
    }

    /** The strong entity tag of a resource at {@code revision}: {@code "3"}. */
    public static EntityTag etag(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    /** A 200 with {@code entity} and the entity tag of {@code revision}, for the client to send back as If-Match. */
    public static <T> RestResponse<T> tagged(T entity, long revision) {
        return RestResponse.ResponseBuilder.ok(entity).tag(etag(revision)).build();
    }

    /**
     * {@code "3"} or {@code W/"3"} → 3; {@code *} → {@link #ANY}; null when absent or blank; an
     * impossible revision (-1, which never matches, so a 412) for anything else.
     */
    public static Long revision(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.equals("*")) {
            return ANY;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
