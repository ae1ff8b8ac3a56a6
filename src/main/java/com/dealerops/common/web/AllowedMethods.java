package com.dealerops.common.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * Which methods a path answers to, for the Allow header a 405 must carry (RFC 9110 15.5.6); read once from the
 * JAX-RS resources' annotations.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, Set<String> methods) {
    }

    private volatile List<Route> routes;

    public Optional<String> forPath(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.addAll(route.methods());
            }
        }
        return allowed.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", allowed));
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String template = join(root.value(), sub == null ? "" : sub.value());
                    Pattern pattern = Pattern.compile(template.replaceAll("\\{[^/]+?}", "[^/]+"));
                    found.add(new Route(pattern, Set.of(httpMethod)));
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
