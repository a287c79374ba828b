package org.leveling.common.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;

/**
 * The route template a request matched, e.g. {@code /api/v1/people/{employeeId}}: what a call did,
 * without the ids a caller chose. Read from the resource's {@code @Path} annotations.
 */
public final class RouteTemplates {

    /** The template of a request that matched no endpoint. */
    public static final String UNMATCHED = "(unmatched)";

    private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    private RouteTemplates() {
    }

    public static String of(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return UNMATCHED;
        }
        return TEMPLATES.computeIfAbsent(method, m -> template(type, m));
    }

    private static String template(Class<?> type, Method method) {
        String joined = "/" + trimmed(pathOf(type)) + "/" + trimmed(valueOf(method.getAnnotation(Path.class)));
        String template = joined.replaceAll("/+", "/");
        template = template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
        return PARAMETER_REGEX.matcher(template).replaceAll("{$1}");
    }

    private static String pathOf(Class<?> type) {
        // Generated subclasses (interceptors) do not inherit @Path.
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            Path path = at.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        return "";
    }

    private static String valueOf(Path path) {
        return path == null ? "" : path.value();
    }

    private static String trimmed(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
