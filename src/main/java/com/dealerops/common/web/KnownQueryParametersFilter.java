package com.dealerops.common.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.dealerops.common.error.ProblemException;

/**
 * Rejects query parameters an operation does not declare (a misspelt filter must not silently return
 * everything). The allowed names are read once per operation from its {@code @QueryParam}s.
 */
public class KnownQueryParametersFilter {

    private final ConcurrentHashMap<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void rejectUnknown(ContainerRequestContext request, SimpleResourceInfo resource) {
        var query = request.getUriInfo().getQueryParameters();
        if (query.isEmpty() || resource == null || resource.getResourceClass() == null) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method(resource), KnownQueryParametersFilter::queryParams);
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw ProblemException.invalid(name, allowed.isEmpty()
                        ? "this operation takes no query parameters"
                        : "unknown query parameter; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static Method method(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> queryParams(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}
