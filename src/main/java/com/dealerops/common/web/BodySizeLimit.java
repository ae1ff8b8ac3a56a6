package com.dealerops.common.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.dealerops.common.error.Problems;
import com.dealerops.common.error.ProblemException;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * The API's body limit (1 MB) for bodies sent without Content-Length (chunked): those are counted as they are
 * read. Bodies with a Content-Length over the limit never get this far ({@link RequestContextFilter}); the HTTP
 * layer's own, higher limit (quarkus.http.limits.max-body-size) only caps what is buffered.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "dealerops.api.max-body-size", defaultValue = "1M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counting(context.getInputStream(), maxBytes));
        return context.proceed();
    }

    static ProblemException tooLarge() {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The request body is larger than the limit of " + Problems.MAX_BODY_DESCRIPTION);
    }

    private static final class Counting extends FilterInputStream {
        private final long max;
        private long read;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge();
            }
        }
    }
}
