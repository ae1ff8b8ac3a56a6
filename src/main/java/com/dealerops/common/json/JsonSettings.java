package com.dealerops.common.json;

import java.io.IOException;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The API's JSON: strict about types, and tuned for the list pages a tablet reads most: Blackbird instead of
 * reflection, and timestamps
 * written without DateTimeFormatter, whose fraction printer goes through BigDecimal (about 6 % of a list request's
 * CPU in JFR samples).
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    /** Last, so that the timestamp serializer replaces the one of the Java time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
        // a number or boolean where the API wants text, or text where it wants a whole number or a boolean, is a
        // client error; decimals are strings by contract ({"amount":"189900.00"}), so text stays fine for them
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("dealerops-timestamps")
                .addSerializer(OffsetDateTime.class, new Rfc3339Serializer()));
    }

    /** RFC 3339 with the offset, as OffsetDateTime.toString() but without zone-less or second-less forms. */
    static final class Rfc3339Serializer extends StdSerializer<OffsetDateTime> {

        Rfc3339Serializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(format(value));
        }

        static String format(OffsetDateTime t) {
            StringBuilder s = new StringBuilder(35);
            pad(s, t.getYear(), 4).append('-');
            pad(s, t.getMonthValue(), 2).append('-');
            pad(s, t.getDayOfMonth(), 2).append('T');
            pad(s, t.getHour(), 2).append(':');
            pad(s, t.getMinute(), 2).append(':');
            pad(s, t.getSecond(), 2);
            int nanos = t.getNano();
            if (nanos != 0) {
                s.append('.');
                if (nanos % 1_000_000 == 0) {
                    pad(s, nanos / 1_000_000, 3);
                } else if (nanos % 1_000 == 0) {
                    pad(s, nanos / 1_000, 6);
                } else {
                    pad(s, nanos, 9);
                }
            }
            int offset = t.getOffset().getTotalSeconds();
            if (offset == 0) {
                return s.append('Z').toString();
            }
            s.append(offset < 0 ? '-' : '+');
            offset = Math.abs(offset);
            pad(s, offset / 3600, 2).append(':');
            pad(s, offset / 60 % 60, 2);
            return s.toString();
        }

        private static StringBuilder pad(StringBuilder s, int value, int width) {
            String digits = Integer.toString(value);
            for (int i = digits.length(); i < width; i++) {
                s.append('0');
            }
            return s.append(digits);
        }
    }
}
