package org.qingfeng.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Every operation of the engine REST API, read from its JAX-RS resources the way Jersey reads them: resource
 * methods (@Path + HTTP method) and sub-resource locators (@Path only, followed into the type they return). Path
 * parameters are filled with a placeholder id.
 */
final class EngineRestEndpoints {

    record Endpoint(String method, String path) {
    }

    private EngineRestEndpoints() {
    }

    static List<Endpoint> all() {
        Set<Endpoint> found = new LinkedHashSet<>();
        for (Class<?> root : CamundaRestResources.getResourceClasses()) {
            Path path = root.getAnnotation(Path.class);
            walk(root, path == null ? "" : path.value(), found, 0);
        }
        return new ArrayList<>(found);
    }

    private static void walk(Class<?> type, String prefix, Set<Endpoint> found, int depth) {
        if (depth > 8) {
            return;
        }
        for (Method method : type.getMethods()) {
            Path path = annotation(method, Path.class);
            String http = httpMethod(method);
            String full = join(prefix, path == null ? "" : path.value());
            if (http != null) {
                found.add(new Endpoint(http, fill(full)));
            } else if (path != null && !method.getReturnType().equals(Object.class)) {
                walk(method.getReturnType(), full, found, depth + 1);
            }
        }
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(Method method, Class<A> type) {
        A direct = method.getAnnotation(type);
        if (direct != null) {
            return direct;
        }
        for (Class<?> i : method.getDeclaringClass().getInterfaces()) {
            try {
                A inherited = i.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(type);
                if (inherited != null) {
                    return inherited;
                }
            } catch (NoSuchMethodException e) {
                // not declared by this interface
            }
        }
        return null;
    }

    private static String httpMethod(Method method) {
        if (annotation(method, GET.class) != null) {
            return "GET";
        }
        if (annotation(method, POST.class) != null) {
            return "POST";
        }
        if (annotation(method, PUT.class) != null) {
            return "PUT";
        }
        if (annotation(method, DELETE.class) != null) {
            return "DELETE";
        }
        if (annotation(method, OPTIONS.class) != null) {
            return "OPTIONS";
        }
        if (annotation(method, HEAD.class) != null) {
            return "HEAD";
        }
        return null;
    }

    private static String join(String prefix, String path) {
        String p = (prefix + "/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** {id}, {name: regex} and the like become a harmless id. */
    private static String fill(String path) {
        return path.replaceFirst("^/engine/\\{[^}]*}", "/engine/default").replaceAll("\\{[^}]*}", "anyId");
    }
}
