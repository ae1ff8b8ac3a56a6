package com.dealerops.staff;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a staff member still has open, per kind, for reassignment. */
@Schema(name = "OpenWork", type = SchemaType.OBJECT, additionalProperties = OpenWork.Kind.class, description = "Open work per kind: customers owned, open leads assigned (labelled with "
        + "the customer's name), and follow-ups and complaints as those features exist; each with the total and up to "
        + "100 items", example = "{\"customers\":{\"total\":2,"
                + "\"items\":[{\"id\":\"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b21\",\"label\":\"王芳\"},"
                + "{\"id\":\"0193b0a4-8c5e-7c39-9a57-3c1f0a3e8b22\",\"label\":\"李娜\"}]},"
                + "\"leads\":{\"total\":1,\"items\":[{\"id\":\"0193b0a4-9d2e-7c39-9a57-3c1f0a3e8c01\","
                + "\"label\":\"王芳\"}]}}")
public record OpenWork(@JsonValue Map<String, Kind> kinds) {

    @Schema(name = "OpenWorkKind")
    public record Kind(@Schema(required = true) long total,
            @Schema(required = true) List<OpenWorkSource.OpenWorkItem> items) {
    }
}
