package com.dealerops.common.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a resource's history as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HistoryEntry", description = "One recorded change of a resource")
public record HistoryEntry(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "2026-11-28T09:30:00+08:00") OffsetDateTime occurredAt,
        @Schema(required = true, description = "CREATED, UPDATED, DELETED or the name of an action",
                example = "UPDATED") String action,
        @Schema(description = "Staff member who made the change; absent for changes made by the service itself")
        Actor actor,
        @Schema(description = "X-Request-Id of the request that made the change") String requestId,
        @Schema(required = true, description = "Changed fields with their old and new value",
                example = "{\"city\":{\"from\":\"上海\",\"to\":\"杭州\"}}")
        Map<String, FieldChange> changes) {

    @Schema(name = "HistoryActor")
    public record Actor(@Schema(required = true) UUID id, @Schema(example = "李伟") String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "FieldChange")
    public record FieldChange(@Schema(description = "Value before; null when the field was empty") Object from,
            @Schema(description = "Value after; null when the field was cleared") Object to) {
    }

    /** Decides what a caller may see of a recorded value: the value, a masked form, or nothing. */
    @FunctionalInterface
    public interface FieldPolicy {
        Object HIDDEN = new Object();

        Object show(String field, Object value);

        FieldPolicy ALL = (field, value) -> value;
    }

    public static HistoryEntry of(AuditEvent event, ZoneId zone, FieldPolicy policy) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        event.changes.forEach((field, change) -> {
            Object from = policy.show(field, change.get("from"));
            Object to = policy.show(field, change.get("to"));
            if (from != FieldPolicy.HIDDEN && to != FieldPolicy.HIDDEN) {
                changes.put(field, new FieldChange(from, to));
            }
        });
        return new HistoryEntry(event.id, event.occurredAt.atZone(zone).toOffsetDateTime(), event.action,
                event.actorId == null ? null : new Actor(event.actorId, event.actorName), event.requestId,
                changes);
    }
}
