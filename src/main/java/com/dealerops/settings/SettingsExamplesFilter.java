package com.dealerops.settings;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The examples of the settings operations are the defaults a new dealer gets, taken from the code at build time,
 * so the document can never show a stale example.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SettingsExamplesFilter implements OASFilter {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String DEALER = "杭州西湖汽车销售服务有限公司";
    private static final String ZONE = "Asia/Shanghai";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (SettingsSection section : SettingsSection.values()) {
            var item = openAPI.getPaths().getPathItem("/api/v1/settings/" + section.path());
            if (item == null) {
                continue;
            }
            Object example = JSON.convertValue(SettingsDefaults.of(section, DEALER, ZONE), Map.class);
            addExample(item.getGET(), example);
            addExample(item.getPUT(), example);
        }
        var all = openAPI.getPaths().getPathItem("/api/v1/settings");
        if (all != null) {
            addExample(all.getGET(), JSON.convertValue(SettingsDefaults.all(DEALER, ZONE), Map.class));
        }
    }

    /** Adds {@code example} to the JSON request body and 200 response of an operation. */
    public static void addExample(Operation operation, Object example) {
        if (operation == null) {
            return;
        }
        if (operation.getRequestBody() != null) {
            mediaType(operation.getRequestBody().getContent())
                    .addExample("defaults", OASFactory.createExample().value(example));
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null && ok.getContent() != null) {
            mediaType(ok.getContent()).addExample("defaults", OASFactory.createExample().value(example));
        }
    }

    private static MediaType mediaType(org.eclipse.microprofile.openapi.models.media.Content content) {
        return content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
    }
}
